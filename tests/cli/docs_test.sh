#!/usr/bin/env bash
# The docs explain the repository on their own: every event code the
# program knows is in docs/lists.md, every local link of the README and of
# docs/*.md points at a file that exists, and every command is on
# docs/command-line.md.
source "$UNCOUNTED_SOURCE_DIR/tests/cli/lib.sh"
D="$UNCOUNTED_SOURCE_DIR/docs"

codes=$(grep -o '{"[a-z_]*", "' "$UNCOUNTED_SOURCE_DIR/src/model/event_type.cpp" | cut -d'"' -f2)
[ -n "$codes" ] && ok || fail "no event code read from src/model/event_type.cpp"
for code in $codes; do
  grep -q "^| \`$code\` |" "$D/lists.md" && ok || fail "event code $code is not in docs/lists.md"
done

for page in "$UNCOUNTED_SOURCE_DIR/README.md" "$D"/*.md; do
  dir=$(dirname "$page")
  while read -r target; do
    target=${target%%#*}
    [ -z "$target" ] && continue
    [ -e "$dir/$target" ] && ok || fail "$(basename "$page") links to $target, which does not exist"
  done < <(grep -o '](\([^)]*\))' "$page" | sed 's/^](\(.*\))$/\1/' | grep -v '^[a-z]*:')
done

for command in init import export link evaluate estimate names places dates simulate report serve user demo audit; do
  grep -q "^| \`$command" "$D/command-line.md" && ok || fail "$command is not on docs/command-line.md"
done
finish
