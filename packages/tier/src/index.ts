// This package has no public API yet: see README.md.
export {};
