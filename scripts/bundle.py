#!/usr/bin/env python3
"""One-file build and SCORM 1.2 package, from a built dist/ (scripts/build.sh runs this last).

  dist/vanishing-gradients.html        the whole lesson in one file that works from file://,
                                       offline: the CSS inline in one <style>; the ES modules
                                       bundled in dependency order into one classic <script>
                                       (each module in its own function scope, imports rewritten
                                       to reads of the modules' export objects); the wasm as
                                       base64, instantiated asynchronously from bytes; the static
                                       SVG twins and the icon as data: URIs; its own
                                       Content-Security-Policy <meta> with the hashes of that
                                       style and script, and no other source allowed.
  dist/vanishing-gradients-scorm.zip   imsmanifest.xml (SCORM 1.2) + that file, whose SCORM
                                       adapter (www/scorm.js) looks for the LMS's API.
  dist/examples/host.html              the demo host page (examples/host.html).

Python's standard library only: no bundler to install, nothing fetched. The module rewriting
handles the import/export forms this project writes (and wasm-bindgen's glue emits); anything
else (dynamic import(), `export *`, destructuring exports) stops the build with a message.

Usage: scripts/bundle.py [DIST]   (default: dist next to this script's parent)
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DIST = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "dist")
SINGLE = "vanishing-gradients.html"
SCORM_ZIP = "vanishing-gradients-scorm.zip"
# Fixed zip timestamps keep the package byte-for-byte reproducible.
ZIP_TIME = (2025, 12, 6, 0, 0, 0)


class BundleError(Exception):
    pass


def read(path, mode="r"):
    with open(os.path.join(DIST, path), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def data_uri(path):
    """A data: URI for an asset of dist/: SVG percent-encoded (compresses well), others base64."""
    raw = read(path, "rb")
    if path.endswith(".svg"):
        text = re.sub(r">\s+<", "><", raw.decode("utf-8")).strip()
        if "'" not in text:
            text = text.replace('"', "'")  # one character instead of %22
        # Safe in a double-quoted attribute and in srcset (no whitespace, no commas at the end).
        return "data:image/svg+xml," + urllib.parse.quote(text, safe="/:;=+@!$()*'-._~,?&")
    kinds = {".png": "image/png", ".ico": "image/x-icon", ".jpg": "image/jpeg", ".webp": "image/webp"}
    kind = kinds.get(os.path.splitext(path)[1])
    if not kind:
        raise BundleError(f"no data: type for {path}")
    return f"data:{kind};base64,{base64.b64encode(raw).decode('ascii')}"


def attr(tag, name):
    m = re.search(r'\b' + name + r'\s*=\s*"([^"]*)"', tag)
    return m.group(1) if m else None


# ---------- ES modules → one classic script ----------

# `import X from '…'`, `import { a, b as c } from '…'`, `import * as ns from '…'`,
# `import X, { a } from '…'` and the bare `import '…'`, each on its own line(s).
IMPORT_ANY = re.compile(
    r"^import\s+(?:(?P<what>[\w$]+|\{[^}]*\}|\*\s*as\s+[\w$]+|[\w$]+\s*,\s*\{[^}]*\})\s*from\s*)?"
    r"(?P<q>['\"])(?P<path>[^'\"]+)(?P=q)\s*;?[ \t]*(?://[^\n]*)?$",
    re.M,
)
EXPORT_DECL = re.compile(r"^export\s+(?P<kw>(?:async\s+)?function\s*\*?|class|const|let|var)\s+(?P<name>[\w$]+)", re.M)
EXPORT_DEFAULT_DECL = re.compile(r"^export\s+default\s+(?P<kw>(?:async\s+)?function\s*\*?|class)\s+(?P<name>[\w$]+)", re.M)
EXPORT_DEFAULT_EXPR = re.compile(r"^export\s+default\s+", re.M)
EXPORT_LIST = re.compile(r"^export\s*\{(?P<list>[^}]*)\}\s*(?P<from>from\s*['\"][^'\"]+['\"])?\s*;?[ \t]*$", re.M)


def module_id(importer, spec):
    if not spec.startswith("."):
        raise BundleError(f"{importer}: only relative imports can be bundled, not {spec!r}")
    resolved = os.path.normpath(os.path.join(os.path.dirname(importer), spec)).replace(os.sep, "/")
    if resolved.startswith(".."):
        raise BundleError(f"{importer}: {spec!r} points outside dist/")
    return resolved


def parse_names(text, importer):
    """'a, b as c' → [('a', 'a'), ('b', 'c')] (local, exported) pairs."""
    pairs = []
    for part in text.split(","):
        part = " ".join(part.split())
        if not part:
            continue
        m = re.fullmatch(r"([\w$]+)(?:\s+as\s+([\w$]+))?", part)
        if not m:
            raise BundleError(f"{importer}: cannot read the name list {text!r}")
        pairs.append((m.group(1), m.group(2) or m.group(1)))
    return pairs


def rewrite_module(mid, source):
    """Returns (function body, [dependency ids])."""
    deps = []
    bindings = []

    def on_import(m):
        dep = module_id(mid, m.group("path"))
        deps.append(dep)
        what = m.group("what").strip()
        ref = f"__vgRequire({json.dumps(dep)})"
        if what.startswith("*"):
            bindings.append(f"const {what.split()[-1]} = {ref};")
        else:
            default, _, names = what.partition("{") if "{" in what else (what, "", "")
            default = default.strip().rstrip(",").strip()
            if default:
                bindings.append(f"const {default} = {ref}.default;")
            if names:
                pairs = parse_names(names.rstrip("}"), mid)
                inner = ", ".join(f"{imported}: {local}" if imported != local else local for imported, local in pairs)
                bindings.append(f"const {{ {inner} }} = {ref};")
        return ""

    def on_bare(m):
        dep = module_id(mid, m.group("path"))
        deps.append(dep)
        bindings.append(f"__vgRequire({json.dumps(dep)});")
        return ""

    # Both forms in source order: a module's imports are evaluated in the order written.
    def on_any(m):
        return on_import(m) if m.group("what") is not None else on_bare(m)

    body = IMPORT_ANY.sub(on_any, source)

    exports = []  # (exported name, local expression)

    def on_default_decl(m):
        exports.append(("default", m.group("name")))
        return f"{m.group('kw')} {m.group('name')}"

    def on_decl(m):
        exports.append((m.group("name"), m.group("name")))
        return f"{m.group('kw')} {m.group('name')}"

    def on_default_expr(_m):
        exports.append(("default", "__vgDefault"))
        return "const __vgDefault = "

    def on_list(m):
        if m.group("from"):
            raise BundleError(f"{mid}: re-exports (export … from) are not supported")
        for local, exported in parse_names(m.group("list"), mid):
            exports.append((exported, local))
        return ""

    body = EXPORT_DEFAULT_DECL.sub(on_default_decl, body)
    body = EXPORT_DECL.sub(on_decl, body)
    body = EXPORT_DEFAULT_EXPR.sub(on_default_expr, body)
    body = EXPORT_LIST.sub(on_list, body)

    leftover = re.search(r"^\s*(import|export)\b(?!\.meta)", body, re.M)
    if leftover:
        line = body[leftover.start():].splitlines()[0].strip()
        raise BundleError(f"{mid}: cannot bundle this statement: {line[:100]}")
    if re.search(r"\bimport\s*\(", body):
        raise BundleError(f"{mid}: dynamic import() cannot be bundled")
    body = body.replace("import.meta.url", f"__vgMetaUrl({json.dumps(mid)})")
    if "import.meta" in body:
        raise BundleError(f"{mid}: only import.meta.url can be bundled")

    names = ", ".join(f"{json.dumps(name)}: {local}" for name, local in exports)
    if "__wbg_init" in body and any(name == "default" for name, _ in exports):
        # wasm-bindgen's glue: with no argument, init() instantiates the inlined bytes.
        names = names.replace('"default": __wbg_init',
                              '"default": (input) => __wbg_init(input === undefined ? { module_or_path: __vgWasmBytes() } : input)')
    return "\n".join(bindings) + "\n" + body + f"\nreturn Object.freeze({{ {names} }});", deps


def bundle(entries, wasm_b64):
    order, seen, modules = [], set(), {}

    def visit(mid, trail):
        if mid in trail:
            raise BundleError("import cycle: " + " → ".join(trail + [mid]))
        if mid in seen:
            return
        body, deps = rewrite_module(mid, read(mid))
        for dep in deps:
            visit(dep, trail + [mid])
        seen.add(mid)
        order.append(mid)
        modules[mid] = body

    for entry in entries:
        visit(entry, [])

    parts = [
        "(() => {",
        "'use strict';",
        "// Vanishing Gradients, one-file build (scripts/bundle.py): every ES module of the lesson in",
        "// its own function, evaluated once, in dependency order; entries run like module scripts.",
        "const __vgDefs = Object.create(null);",
        "const __vgDone = Object.create(null);",
        "function __vgRequire(id) {",
        "  if (!(id in __vgDone)) __vgDone[id] = __vgDefs[id]();",
        "  return __vgDone[id];",
        "}",
        "const __vgMetaUrl = (id) => new URL(id, document.baseURI).href;",
        f"const __vgWasmBase64 = {json.dumps(wasm_b64)};",
        "function __vgWasmBytes() {",
        "  const text = atob(__vgWasmBase64);",
        "  const bytes = new Uint8Array(text.length);",
        "  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);",
        "  return bytes;",
        "}",
    ]
    for mid in order:
        parts.append(f"// ---- {mid}")
        parts.append(f"__vgDefs[{json.dumps(mid)}] = function () {{\n{modules[mid]}\n}};")
    parts.append("for (const entry of " + json.dumps(entries) + ") {")
    parts.append("  try {")
    parts.append("    __vgRequire(entry);")
    parts.append("  } catch (error) {")
    parts.append("    setTimeout(() => { throw error; }); // reported like a failed module script; the others still run")
    parts.append("  }")
    parts.append("}")
    parts.append("})();")
    script = "\n".join(parts) + "\n"
    # Nothing in the script may end or re-open the <script> element.
    script = re.sub(r"</(script)", r"<\\/\1", script, flags=re.I).replace("<!--", "<\\!--")
    return script, order


# ---------- The page ----------

def single_file():
    html = read("index.html")
    head_end = html.index("</head>")
    head, rest = html[:head_end], html[head_end:]

    styles, entries = [], []

    def on_link(m):
        tag = m.group(0)
        rel = (attr(tag, "rel") or "").lower().split()
        href = attr(tag, "href")
        if "stylesheet" in rel and href:
            styles.append(href)
            return ""
        if "icon" in rel and href:
            return tag.replace(f'href="{href}"', f'href="{data_uri(href)}"')
        raise BundleError(f"index.html: cannot inline {tag}")

    def on_script(m):
        tag = m.group(0)
        src = attr(tag, "src")
        if not src or attr(tag, "type") != "module":
            raise BundleError(f"index.html: only module scripts with src can be bundled: {tag}")
        entries.append(os.path.normpath(src).replace(os.sep, "/"))
        return ""

    head = re.sub(r"<link\b[^>]*>\n?", on_link, head)
    head = re.sub(r"<script\b[^>]*>\s*</script>\n?", on_script, head)
    if re.search(r"<(script|style|link)\b", rest[: rest.index("<body")] if "<body" in rest else ""):
        raise BundleError("index.html: unexpected element after </head>")
    if re.search(r"<script\b", rest):
        raise BundleError("index.html: scripts in <body> are not bundled")
    for tag in re.findall(r"<[A-Za-z][^>]*>", html):
        if re.search(r"\s(style|on[a-z]+)\s*=", tag):
            raise BundleError(f"index.html: inline style attributes and event handlers break the CSP: {tag[:80]}")

    # Static twins (and any other local image) as data: URIs.
    def on_asset(m):
        name, value = m.group(1), m.group(2)
        if value.startswith(("data:", "http:", "https:", "#")):
            return m.group(0)
        if not os.path.exists(os.path.join(DIST, value)):
            raise BundleError(f"index.html: {name}={value!r} is not in dist/")
        return f'{name}="{data_uri(value)}"'

    rest = re.sub(r'\b(src|srcset)="([^"]+)"', on_asset, rest)

    wasm = [p for p in os.listdir(os.path.join(DIST, "pkg")) if p.endswith("_bg.wasm")]
    if len(wasm) != 1:
        raise BundleError("dist/pkg/ must hold exactly one *_bg.wasm")
    wasm_b64 = base64.b64encode(read(f"pkg/{wasm[0]}", "rb")).decode("ascii")
    script, order = bundle(entries, wasm_b64)

    # Stylesheets that modules add at run time (new URL('./x.css', import.meta.url)) are inlined
    # too; a disabled <link> with the same address tells the module it is already there (a
    # disabled stylesheet link is never fetched).
    placeholders = []
    for mid in order:
        for css in re.findall(r"new URL\(\s*['\"](\.{1,2}/[\w./-]+\.css)['\"]\s*,\s*import\.meta\.url\s*\)", read(mid)):
            path = module_id(mid, css)
            if path not in styles:
                styles.append(path)
            placeholders.append(f'<link rel="stylesheet" href="{path}" disabled>')

    css_parts = []
    for path in styles:
        css = read(path)
        if re.search(r"url\(\s*['\"]?(?!data:|#)", css) or "@import" in css:
            raise BundleError(f"{path}: url() and @import are not inlined")
        css_parts.append(f"/* ---- {path} */\n{css}")
    css = "\n".join(css_parts)
    if re.search(r"</style", css, re.I):
        raise BundleError("a stylesheet contains </style")

    def sha(text):
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    style_text = "\n" + css + "\n"
    script_text = "\n" + script
    policy = "; ".join([
        "default-src 'none'",
        f"script-src '{sha(script_text)}' 'wasm-unsafe-eval'",
        f"style-src '{sha(style_text)}'",
        "img-src data: blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    charset = re.search(r'<meta charset="utf-8">\n?', head, re.I)
    if not charset:
        raise BundleError('index.html: <meta charset="utf-8"> must come first in <head>')
    head = head[: charset.end()] + meta + head[charset.end():]
    head += "".join(p + "\n" for p in dict.fromkeys(placeholders))
    head += f"<style>{style_text}</style>\n"
    body_end = rest.rindex("</body>")
    rest = rest[:body_end] + f"<script>{script_text}</script>\n" + rest[body_end:]
    page = head + rest
    page = page.replace("<html lang=\"en\">", "<html lang=\"en\" data-build=\"single-file\">", 1)

    check_script(script)
    with open(os.path.join(DIST, SINGLE), "w", encoding="utf-8") as f:
        f.write(page)
    return page


def check_script(script):
    """Syntax-checks the bundle with node when it is installed (a broken bundle fails the build)."""
    node = shutil.which("node")
    if not node:
        print("[bundle] node not found: the bundled script is not syntax-checked", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bundle-check.js")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        result = subprocess.run([node, "--check", path], capture_output=True, text=True)
        if result.returncode != 0:
            raise BundleError("the bundled script does not parse:\n" + result.stderr[-2000:])


# ---------- SCORM 1.2 ----------

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="vanishing-gradients-scorm12" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="vanishing-gradients-org">
    <organization identifier="vanishing-gradients-org">
      <title>Vanishing Gradients</title>
      <item identifier="vanishing-gradients-item" identifierref="vanishing-gradients-sco" isvisible="true">
        <title>Vanishing Gradients — an interactive lesson</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="vanishing-gradients-sco" type="webcontent" adlcp:scormtype="sco" href="{single}">
      <file href="{single}"/>
    </resource>
  </resources>
</manifest>
"""


def scorm_zip():
    path = os.path.join(DIST, SCORM_ZIP)
    with zipfile.ZipFile(path, "w") as z:
        # The manifest first and stored (easy for any reader to find); the page compressed.
        manifest = zipfile.ZipInfo("imsmanifest.xml", ZIP_TIME)
        manifest.compress_type = zipfile.ZIP_STORED
        manifest.external_attr = 0o644 << 16
        z.writestr(manifest, MANIFEST.replace("{single}", SINGLE))
        page = zipfile.ZipInfo(SINGLE, ZIP_TIME)
        page.compress_type = zipfile.ZIP_DEFLATED
        page.external_attr = 0o644 << 16
        z.writestr(page, read(SINGLE, "rb"), compresslevel=9)
    return path


def main():
    try:
        page = single_file()
        zip_path = scorm_zip()
    except (BundleError, OSError, ValueError) as error:
        print(f"[bundle] failed: {error}", file=sys.stderr)
        sys.exit(1)
    host = os.path.join(ROOT, "examples", "host.html")
    if os.path.exists(host):
        os.makedirs(os.path.join(DIST, "examples"), exist_ok=True)
        shutil.copy(host, os.path.join(DIST, "examples", "host.html"))
    raw = len(page.encode("utf-8"))
    import gzip
    gz = len(gzip.compress(page.encode("utf-8"), 9))
    print(f"[bundle] {DIST}/{SINGLE}: {raw} bytes ({gz} gzipped); {zip_path}: {os.path.getsize(zip_path)} bytes")


if __name__ == "__main__":
    main()
