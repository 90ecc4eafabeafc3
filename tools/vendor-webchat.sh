#!/usr/bin/env bash
# Vendors the official Bot Framework Web Chat browser bundle into Bot/wwwroot/lib/botframework-webchat/
# (dist/webchat.js, its third-party notices, and a licence note), so the Bot needs no npm at run time.
# Usage: tools/vendor-webchat.sh [version]   (Node 20 + npm; the pinned version is the default)
set -euo pipefail
version="${1:-4.18.1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/Bot/wwwroot/lib/botframework-webchat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "botframework-webchat@$version" >/dev/null)
tar -xzf "$work/botframework-webchat-$version.tgz" -C "$work" \
  package/package.json package/dist/webchat.js package/dist/webchat.js.LICENSE.txt

license="$(node -p "require('$work/package/package.json').license")"
[ "$license" = "MIT" ] || { echo "unexpected licence: $license" >&2; exit 1; }

mkdir -p "$target"
cp "$work/package/dist/webchat.js" "$target/webchat.js"
cp "$work/package/dist/webchat.js.LICENSE.txt" "$target/webchat.js.LICENSE.txt"
cat > "$target/LICENSE.md" <<NOTE
# botframework-webchat $version

\`webchat.js\` is \`dist/webchat.js\` of the npm package botframework-webchat@$version
(https://github.com/microsoft/BotFramework-WebChat), vendored unchanged by \`tools/vendor-webchat.sh\`.
Licence of the package: $license. The licences of the libraries bundled in it: \`webchat.js.LICENSE.txt\`.

MIT License

Copyright (c) Microsoft Corporation. All rights reserved.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
NOTE
echo "vendored botframework-webchat $version into ${target#"$root/"}"
