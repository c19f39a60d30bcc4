# The main part of verify-aws-access.sh, after the variables and verify-checks.sh.
# The backend drops these first comment lines.
# shellcheck shell=sh disable=SC2154 # the variables are set in the rendered header

run_verify_checks
print_summary
[ "$failed" -eq 0 ]
