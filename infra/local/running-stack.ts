/**
 * A note the running local stack leaves in its data directory (`stack.json`: process id and
 * endpoints), so other commands on the same data (`sla-watch report`) talk to the running
 * stack's DynamoDB instead of opening its LevelDB files, which admit one process at a time.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RunningStackNote {
  readonly pid: number;
  readonly url: string;
  readonly sesUrl: string;
  readonly dynamoEndpoint: string;
}

const noteFile = (dataDir: string) => join(dataDir, 'stack.json');

export async function writeRunningStackNote(dataDir: string, note: RunningStackNote): Promise<void> {
  await writeFile(noteFile(dataDir), `${JSON.stringify(note, null, 2)}\n`);
}

export async function removeRunningStackNote(dataDir: string): Promise<void> {
  await rm(noteFile(dataDir), { force: true });
}

/** The note of a stack that is running now, or null (no note, or its process is gone). */
export async function readRunningStackNote(dataDir: string): Promise<RunningStackNote | null> {
  let note: RunningStackNote;
  try {
    note = JSON.parse(await readFile(noteFile(dataDir), 'utf8')) as RunningStackNote;
  } catch {
    // No note (or a torn one): no stack is known to run here.
    return null;
  }
  return isAlive(note.pid) ? note : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
