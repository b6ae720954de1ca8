#!/usr/bin/env bash
# Assembles the deployable Function App folder (default out/app):
#   host.json, one folder per function with its function.json, and the published handler
#   (linux-x64, framework-dependent) under handler/, as host.json's customHandler expects.
#   SELF_CONTAINED=true bundles the .NET runtime, for hosts whose image lacks .NET 10
#   (infra-bicep/README.md, "Troubleshooting").
# Zip the folder's contents to deploy (README, "Deploy to Azure").
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-out/app}"
rm -rf "$out"
mkdir -p "$out/handler"

dotnet publish functions/Approvals.Functions -c Release -r linux-x64 --self-contained "${SELF_CONTAINED:-false}" \
  -p:PublishSingleFile=false -o "$out/handler" -nologo -v:q

cp host.json "$out/"
for dir in functions/*/; do
  name=$(basename "$dir")
  if [ -f "$dir/function.json" ]; then
    mkdir -p "$out/$name"
    cp "$dir/function.json" "$out/$name/"
  fi
done
echo "packaged into $out: $(ls "$out" | tr '\n' ' ')"
