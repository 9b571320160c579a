import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Message media on local disk under DATA_DIR/media/<workspace>/<message>. Paths are built only from
 * server-generated ids, never from user input.
 */
export function createMediaStorage(dataDir: string) {
  const root = path.resolve(dataDir, 'media');
  const fileOf = (workspaceId: string, messageId: string) => {
    if (!/^[\w-]+$/.test(workspaceId) || !/^[\w-]+$/.test(messageId)) throw new Error('invalid media key');
    return path.join(root, workspaceId, messageId);
  };
  return {
    async save(workspaceId: string, messageId: string, data: Buffer): Promise<string> {
      const file = fileOf(workspaceId, messageId);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
      return path.relative(root, file);
    },
    read(relativePath: string): Promise<Buffer> {
      const file = path.resolve(root, relativePath);
      if (!file.startsWith(root + path.sep)) throw new Error('invalid media path');
      return readFile(file);
    },
    async removeWorkspace(workspaceId: string): Promise<void> {
      await rm(path.join(root, workspaceId), { recursive: true, force: true });
    },
  };
}
export type MediaStorage = ReturnType<typeof createMediaStorage>;
