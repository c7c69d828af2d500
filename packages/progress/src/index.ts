export { OffsetBitmap } from "./offset-bitmap.js";
