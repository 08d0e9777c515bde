// Loaded by .mocharc.json before any test file: process-wide test setup.
import { useSoftwareVulkanForTests } from '../lib/training/testing/softwareVulkan.ts'

// The webgpu tests run on SwiftShader where no GPU driver is installed (see softwareVulkan.ts).
useSoftwareVulkanForTests()
