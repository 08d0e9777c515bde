import { KeyError } from './errors.ts'

/**
 * Reads a password from the terminal without echoing it (raw mode, one
 * character at a time). Only on a TTY: a piped stdin is refused, so a
 * password never ends up in shell history or a pipe by accident.
 *
 * @example
 * const password = await promptPassword('keystore password: ')
 */
export async function promptPassword (question: string, io: { input?: NodeJS.ReadStream, output?: NodeJS.WriteStream } = {}): Promise<string> {
  const input = io.input ?? process.stdin
  const output = io.output ?? process.stderr
  if (input.isTTY !== true) {
    throw new KeyError('no keystore password: stdin is not a terminal', { hint: 'set COTRAIN_KEYSTORE_PASSWORD' })
  }
  output.write(question)
  const wasRaw = input.isRaw
  input.setRawMode(true)
  input.resume()
  try {
    return await new Promise<string>((resolve, reject) => {
      let password = ''
      const onData = (chunk: Buffer): void => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            input.off('data', onData)
            output.write('\n')
            resolve(password)
            return
          }
          if (ch === '\u0003') {
            input.off('data', onData)
            output.write('\n')
            reject(new KeyError('password prompt cancelled'))
            return
          }
          if (ch === '\u007f' || ch === '\b') password = [...password].slice(0, -1).join('')
          else password += ch
        }
      }
      input.on('data', onData)
    })
  } finally {
    input.setRawMode(wasRaw)
    input.pause()
  }
}
