/**
 * What idle-tick skipping saves the simulator (tick-schedule.ts), measured in one warm process so both
 * modes run on the same JIT state: the same seeds with `tickSkipping` off and on, alternating (the
 * order flips every round), CPU seconds (process.cpuUsage: this thread and V8's helper threads) and
 * events per simulated cluster-hour. The first round warms up and is left out of the means. Both modes
 * give the same run (tick-skipping.test.ts), so the difference is the ticks alone.
 *
 *   node --max-semi-space-size=64 --conditions=source --import tsx packages/tests/bench/tick-skipping-bench.ts [firstSeed] [seeds] [rounds]
 */
import { loadavg } from "node:os";
import { simulate } from "../src/sim/simulation.js";

const [firstSeed = 7000, seedCount = 3, rounds = 4] = process.argv.slice(2).map(Number);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
const totals = { on: { cpu: 0, events: 0 }, off: { cpu: 0, events: 0 } };
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
console.log(`seeds ${seeds.join(", ")} of 1 h, ${rounds} rounds; load average ${load()}`);
for (let round = 0; round < rounds; round++) {
  for (const mode of round % 2 === 0 ? (["off", "on"] as const) : (["on", "off"] as const)) {
    const start = process.cpuUsage();
    let events = 0;
    for (const seed of seeds) {
      const result = await simulate({ seed, hours: 1, tickSkipping: mode === "on" });
      if (result.violation !== undefined) throw new Error(`seed ${seed}: ${result.violation.message}`);
      events += result.events;
    }
    const used = process.cpuUsage(start);
    const cpu = (used.user + used.system) / 1e6 / seeds.length;
    if (round > 0) {
      totals[mode].cpu += cpu / (rounds - 1);
      totals[mode].events = events / seeds.length;
    }
    console.log(
      `round ${round} skipping ${mode.padEnd(3)}: ${cpu.toFixed(3)} CPU-s and ${(events / seeds.length).toFixed(0)} events per cluster-hour`,
    );
  }
}
const { on, off } = totals;
console.log(
  `mean of rounds 1-${rounds - 1}: off ${off.cpu.toFixed(3)} CPU-s, ${off.events.toFixed(0)} events; on ${on.cpu.toFixed(3)} CPU-s, ${on.events.toFixed(0)} events (${((1 - on.cpu / off.cpu) * 100).toFixed(1)}% less CPU, ${((1 - on.events / off.events) * 100).toFixed(1)}% fewer events); load average ${load()}`,
);
