/** What Dawn reports about the GPU adapter the webgpu backend runs on. */
export interface AdapterInfo {
  vendor: string
  architecture: string
  device: string
  /** Usually names the driver and its version, e.g. "SwiftShader driver 5.0.0" or "NVIDIA 550.54.14". */
  description: string
  /** A CPU rasteriser posing as a GPU (SwiftShader, llvmpipe, lavapipe, WARP): never faster than wasm. */
  software: boolean
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render|\bwarp\b/i

/**
 * Reads a GPUAdapter's info into an {@link AdapterInfo}. An adapter is
 * software when Dawn marks it as a fallback adapter or its names match a known
 * CPU implementation.
 */
export function adapterInfo (info: { vendor?: string, architecture?: string, device?: string, description?: string, isFallbackAdapter?: boolean }): AdapterInfo {
  const a = { vendor: info.vendor ?? '', architecture: info.architecture ?? '', device: info.device ?? '', description: info.description ?? '' }
  return { ...a, software: info.isFallbackAdapter === true || SOFTWARE.test(`${a.vendor} ${a.architecture} ${a.device} ${a.description}`) }
}

/** One printable line, e.g. "google swiftshader (SwiftShader driver 5.0.0), software adapter". */
export function describeAdapter (a: AdapterInfo): string {
  const name = [a.vendor, a.architecture].filter((s) => s !== '').join(' ') || 'unknown adapter'
  return `${name}${a.description !== '' ? ` (${a.description})` : ''}${a.software ? ', software adapter' : ''}`
}

/**
 * The adapter part of a webgpu backend class: vendor, architecture and driver
 * squeezed to [a-z0-9.-], at most 64 characters (the class travels in a
 * 128-character protocol field).
 */
export function adapterSlug (a: AdapterInfo): string {
  return [a.vendor, a.architecture, a.description].filter((s) => s !== '').join('-').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '').slice(0, 64) || 'unknown'
}
