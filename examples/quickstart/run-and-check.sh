#!/usr/bin/env bash
# Runs the quickstart end to end against the embedded sandbox, the way the README shows, and fails
# unless every lead got an outcome. Extra arguments go to Maven (such as -Pboot4).
# Used by .ci/run (and so by the ci-run job of .github/workflows/ci.yml).
set -euo pipefail
cd "$(dirname "$0")/../.."
# The quickstart's jar is rebuilt from clean: a jar repackaged for one Boot line is otherwise kept
# as it is when the other line is built.
./mvnw -B -ntp -q -pl examples/quickstart clean "$@"
./mvnw -B -ntp -q -pl examples/quickstart -am package -DskipTests "$@"
case " $* " in
  *" -Pboot4 "*) line="4.1" ;;
  *) line="3.5" ;;
esac
mkdir -p target
log=target/quickstart.log
status=0
java -jar examples/quickstart/target/switchboard-quickstart-0.1.0-SNAPSHOT.jar | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "quickstart: exited with $status" >&2
  exit 1
fi
if ! grep -q "^Switchboard quickstart on Spring Boot ${line//./\\.}\\.[0-9]*, Java " "$log"; then
  echo "quickstart: the first line does not say Spring Boot $line" >&2
  exit 1
fi
if ! grep -q '^All 20 leads have an outcome\.$' "$log"; then
  echo "quickstart: the summary does not say that every lead has an outcome" >&2
  exit 1
fi
rows=$(tail -n +2 target/outcomes.csv | grep -vc ',no outcome,' || true)
if [ "$rows" -ne 20 ]; then
  echo "quickstart: target/outcomes.csv has $rows outcomes, expected 20" >&2
  exit 1
fi
echo "quickstart: all 20 leads have an outcome (target/outcomes.csv)"
