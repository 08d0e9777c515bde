import type { ServiceDefinition } from './ServiceDefinition.ts'

/**
 * A launchd user agent (macOS) for a worker service: started at login
 * (RunAtLoad) and restarted when it exits with an error (KeepAlive with
 * SuccessfulExit false), at most every 30 s (ThrottleInterval). launchd has
 * no environment file, so the secret sits in the plist, which is written
 * with mode 0600.
 */
export function renderLaunchdPlist (def: ServiceDefinition, label: string, logFile: string): string {
  const strings = (xs: string[]): string => xs.map((x) => `    <string>${escapeXml(x)}</string>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Written by \`worker service install\`; \`worker service uninstall\` removes it. -->
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${escapeXml(label)}</string>
  <key>ProgramArguments</key>
  <array>
${strings(def.command)}
  </array>
  <key>WorkingDirectory</key>
  <string>${escapeXml(def.workingDirectory)}</string>
  <key>EnvironmentVariables</key>
  <dict>
${Object.entries(def.secretEnv).map(([k, v]) => `    <key>${escapeXml(k)}</key>\n    <string>${escapeXml(v)}</string>`).join('\n')}
  </dict>
  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <dict>
    <key>SuccessfulExit</key>
    <false/>
  </dict>
  <key>ThrottleInterval</key>
  <integer>30</integer>
  <key>ProcessType</key>
  <string>Background</string>
  <key>StandardOutPath</key>
  <string>${escapeXml(logFile)}</string>
  <key>StandardErrorPath</key>
  <string>${escapeXml(logFile)}</string>
</dict>
</plist>
`
}

function escapeXml (s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}
