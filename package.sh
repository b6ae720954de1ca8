#!/usr/bin/env bash
# Assembles the deployable Function App (default out/app) and zips it (out/app.zip): the isolated worker's
# `dotnet publish` output for linux-x64, with host.json, functions.metadata, extensions.json and .azurefunctions/
# as the Functions host expects them. Deploy the zip (README, "Deploy to Azure").
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-out/app}"
rm -rf "$out"
mkdir -p "$out"

dotnet publish functions/Approvals.Functions -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v:q

for required in host.json functions.metadata extensions.json .azurefunctions; do
  test -e "$out/$required" || { echo "package.sh: $required missing from the publish output" >&2; exit 1; }
done
zip_path="$(dirname "$out")/$(basename "$out").zip"
rm -f "$zip_path"
(cd "$out" && python3 -c "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', '.')" "${zip_path%.zip}")
echo "packaged into $out and $zip_path"
