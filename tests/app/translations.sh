#!/usr/bin/env bash
# Fails while a translation lacks a message of the sources or leaves one unfinished: lupdate reads
# the module's C++ and QML (the same project the desk_qml_lupdate target uses) into a copy of each
# .ts, and every message of the copy must carry a finished, non-empty translation.
# Fix a failure with: cmake --build build/dev --target desk_qml_lupdate, then translate the
# messages marked type="unfinished" in resources/translations/*.ts (Qt Linguist, or by hand).
# usage: translations.sh LUPDATE PROJECT_CMAKE GENERATE_SCRIPT TS_FILE...
set -euo pipefail
lupdate="$1"
project_cmake="$2"
generate="$3"
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -DIN_FILE="$project_cmake" -DOUT_FILE="$work/project.json" -P "$generate" >/dev/null
status=0
# translate(context, variable): lupdate sees no literal there, so what it files (if anything) is
# under another context than the one looked up at run time.
variable_text=$(python3 - "$work/project.json" <<'PY'
import json, re, sys
project = json.load(open(sys.argv[1]))
pattern = re.compile(r'(?:QCoreApplication::translate|QT_TRANSLATE_NOOP)\(\s*"[^"]*"\s*,\s*(?!")[^)\s]')
for path in project.get("sources", []):
    if not path.endswith((".cpp", ".h")):
        continue
    # Fine inside `namespace X` with context "X": lupdate files the namespace's tr() under "X".
    namespaces = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if m := re.match(r'namespace (\w+) \{', line):
            namespaces.append(m.group(1))
        elif re.match(r'\} // namespace \w+', line) and namespaces:
            namespaces.pop()
        m = pattern.search(line)
        if m and not (namespaces and re.search(r'\(\s*"%s"' % re.escape(namespaces[-1]), line)):
            print("%s:%d: %s" % (path, number, line.strip()))
PY
)
if [[ -n "$variable_text" ]]; then
    echo "FAIL: translate() with a variable as its text (lupdate cannot file it):"
    echo "$variable_text"
    status=1
fi
for ts in "$@"; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    # The project names the real .ts files: point it at the copy.
    python3 - "$work/project.json" "$copy" <<'PY'
import json, sys
path, copy = sys.argv[1], sys.argv[2]
project = json.load(open(path))
project["translations"] = [copy]
json.dump(project, open(path, "w"))
PY
    log=$("$lupdate" -project "$work/project.json" -no-obsolete -locations none 2>&1) || {
        echo "$log"
        exit 1
    }
    # A tr() lupdate cannot place (a free function calling a local tr helper) is missing from the
    # catalogue: it stays English on screen.
    if grep 'tr() cannot be called without context' <<<"$log"; then
        echo "FAIL: messages lupdate cannot file; call Class::tr(\"…\") (Q_DECLARE_TR_FUNCTIONS for a non-QObject)"
        status=1
    fi
    report=$(python3 - "$copy" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
total = 0
for context in root.iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        total += 1
        tr = message.find("translation")
        forms = [f.text for f in tr.iter("numerusform")] if tr is not None else []
        empty = tr is None or (not (tr.text or "").strip() and not any((f or "").strip() for f in forms))
        if empty or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            print("untranslated: %s: %r" % (name, message.findtext("source")))
print("messages: %d" % total)
PY
)
    if grep -q '^untranslated:' <<<"$report"; then
        echo "FAIL: $(basename "$ts") misses translations:"
        grep '^untranslated:' <<<"$report"
        status=1
    else
        echo "ok: $(basename "$ts"): $(grep '^messages:' <<<"$report")"
    fi
done
exit $status
