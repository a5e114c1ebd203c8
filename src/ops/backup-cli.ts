/**
 * `npm run backup [-- <folder>]` writes a backup (default: backups/aftercare-<time>);
 * `npm run restore -- <folder>` puts one back. See backup.ts for what they hold and when the shop must stop.
 */
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { BackupError, restoreBackup, takeBackup } from './backup.ts';

const USAGE = 'Usage: npm run backup [-- <folder>]   |   npm run restore -- <folder>';

async function main(): Promise<number> {
  const [command, folder, ...rest] = process.argv.slice(2);
  if (
    rest.length > 0 ||
    (command !== 'backup' && command !== 'restore') ||
    (command === 'restore' && !folder)
  ) {
    console.error(USAGE);
    return 64; // EX_USAGE
  }
  const config = loadConfig();
  const now = new Date();
  if (command === 'backup') {
    const target = folder ?? join('backups', `aftercare-${now.toISOString().replace(/[:.]/g, '-')}`);
    const manifest = await takeBackup(config, target, now);
    console.log(
      `Backed up the ${manifest.database} database${manifest.uploads ? ' and the uploads' : ''} to ${target}`,
    );
  } else {
    const manifest = await restoreBackup(config, folder as string, now);
    console.log(
      `Restored the ${manifest.database} database${manifest.uploads ? ' and the uploads' : ''} from ${folder} (taken ${manifest.createdAt})`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  },
);
