/** The machine a run was made on, for the report: results only compare on the same machine. */
import os from "os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended (other jobs on the machine slow the timings). */
  loadStart: number;
  loadEnd?: number;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim(),
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    loadStart: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

export function finishMachine(m: Machine): Machine {
  return { ...m, loadEnd: Math.round(os.loadavg()[0] * 100) / 100 };
}

export function machineLine(m: Machine): string {
  const load = m.loadEnd === undefined ? `${m.loadStart}` : `${m.loadStart} at the start, ${m.loadEnd} at the end`;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}; 1-minute load average ${load}`;
}
