import { existsSync, readdirSync } from 'node:fs'
import { detectCuda } from '../detectCuda.ts'

/** SwiftShader's Vulkan driver as Debian's chromium package ships it (CI installs chromium). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json'

/**
 * Test setup (mocha `require`): points the Vulkan loader at SwiftShader, so
 * the webgpu tests run for real on a machine without a GPU, unless the
 * operator chose a driver (VK_ICD_FILENAMES / VK_DRIVER_FILES set) or a
 * hardware GPU driver is present (NVIDIA's kernel driver or a DRM render
 * node), in which case the tests run on that GPU. Child processes the tests
 * start inherit the setting.
 */
export function useSoftwareVulkanForTests (icd: string = SWIFTSHADER_ICD): string | null {
  if (process.env.VK_ICD_FILENAMES !== undefined || process.env.VK_DRIVER_FILES !== undefined) return null
  if (!existsSync(icd) || hardwareGpuPresent()) return null
  process.env.VK_ICD_FILENAMES = icd
  return icd
}

function hardwareGpuPresent (): boolean {
  if (detectCuda() !== null) return true
  try {
    return readdirSync('/dev/dri').some((f) => f.startsWith('renderD'))
  } catch {
    return false
  }
}
