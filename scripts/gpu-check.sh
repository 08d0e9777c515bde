#!/usr/bin/env bash
# scripts/gpu-check.sh: does cotrain's GPU path work on this machine, and how
# fast? On a machine with a GPU and its Vulkan driver (NVIDIA: the proprietary
# driver ships one; AMD/Intel: Mesa's radv/anv), it shows the adapter, trains a
# round on webgpu with checkpoints and proof, checks GPU memory stays flat,
# replays every segment on webgpu and on wasm, runs the training benchmark,
# and does the same on tfjs-node-gpu when that installs (CUDA 11.2 + cuDNN 8
# and internet access). About 3 minutes on a GPU; it prints one table per step.
#   scripts/gpu-check.sh            # everything
#   GPU_CHECK_QUICK=1 scripts/gpu-check.sh   # fewer steps (SwiftShader: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json)
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
status=0

node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)' 2>/dev/null; }
if node_ok; then run() { "$@"; }; else echo "Node < 22.18 here: using node@22 from the npm registry"; run() { npx -y -p node@22 "$@"; }; fi
[ -d node_modules/@tensorflow/tfjs ] || run npm ci --no-audit --no-fund

echo "== machine"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
command -v vulkaninfo >/dev/null && vulkaninfo --summary 2>/dev/null | grep -E 'deviceName|driverName|driverInfo|deviceType' | sed 's/^ */  /'
ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d 2>/dev/null | grep json | sed 's/^/  vulkan driver: /'
echo "VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-}"

steps=200; interval=20; bench_s=3
if [ -n "${GPU_CHECK_QUICK:-}" ]; then steps=20; interval=5; bench_s=1; fi

echo; echo "== worker bench (adapter, speed of every backend, what auto picks)"
run node worker/cli.ts bench --budget-ms 1000 || status=1

for model in mlp cnn; do
  echo; echo "== webgpu: train, prove, memory, determinism, replay ($model, $steps steps)"
  run node scripts/gpu-check.ts --backend webgpu --model "$model" --steps "$steps" --interval "$interval" || status=1
done

echo; echo "== tfjs-node-gpu"
if timeout 180 npm install --no-save --no-audit --no-fund @tensorflow/tfjs-node-gpu@4.22.0 >/tmp/gpu-check-npm.log 2>&1 && run node -e 'import("@tensorflow/tfjs-node-gpu").then(()=>process.exit(0),()=>process.exit(1))' 2>/dev/null; then
  run node scripts/gpu-check.ts --backend node-gpu --steps "$steps" --interval "$interval" || status=1
else
  echo "tfjs-node-gpu did not install here (see /tmp/gpu-check-npm.log): skipped"
fi

echo; echo "== training benchmark (benchmarks/results/training.json)"
run node benchmarks/training.ts "$bench_s" || status=1

echo; echo "gpu-check: $(( $(date +%s) - started )) s, $([ $status = 0 ] && echo 'all checks passed' || echo 'SOME CHECKS FAILED')"
exit $status
