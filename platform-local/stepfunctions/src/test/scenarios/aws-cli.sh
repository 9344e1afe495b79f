#!/usr/bin/env bash
# Local Step Functions through the AWS CLI (Debian's awscli), as a user drives it against ./nagare up:
# create a state machine, start an execution, read its result and history, list executions, see AWS errors.
#   ENDPOINT=http://localhost:4566 platform-local/stepfunctions/src/test/scenarios/aws-cli.sh
set -euo pipefail

: "${ENDPOINT:?set ENDPOINT to the local endpoint, e.g. http://localhost:4566}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
export AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
name="${MACHINE:-cli-order-$$}"
role="arn:aws:iam::000000000000:role/nagare-cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sfn() { aws --endpoint-url "$ENDPOINT" --region ap-northeast-1 stepfunctions "$@"; }
expect() { # expect <what> <expected> <actual>
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]" >&2; exit 1; fi
  echo "ok: $1"
}
await_end() { # await_end <executionArn>: polls DescribeExecution until the execution leaves RUNNING
  local status=RUNNING tries=0
  while [ "$status" = RUNNING ] && [ $tries -lt 50 ]; do
    status=$(sfn describe-execution --execution-arn "$1" --query status --output text)
    tries=$((tries + 1))
  done
  echo "$status"
}

cat >"$work/order.asl.json" <<'ASL'
{
  "Comment": "Price an order: a Choice, a Map over the lines, intrinsic functions",
  "StartAt": "Lines",
  "States": {
    "Lines": {"Type": "Map", "ItemsPath": "$.lines", "ResultPath": "$.priced", "MaxConcurrency": 1,
      "ItemProcessor": {"StartAt": "Price", "States": {
        "Price": {"Type": "Pass", "Parameters": {"sku.$": "$.sku", "total.$": "States.MathAdd($.price, $.shipping)"}, "End": true}}},
      "Next": "Large"},
    "Large": {"Type": "Choice", "Choices": [{"Variable": "$.express", "BooleanEquals": true, "Next": "Express"}],
      "Default": "Standard"},
    "Express": {"Type": "Pass", "Result": "express", "ResultPath": "$.lane", "Next": "Done"},
    "Standard": {"Type": "Pass", "Result": "standard", "ResultPath": "$.lane", "Next": "Done"},
    "Done": {"Type": "Pass", "Parameters": {"order.$": "$.order", "lane.$": "$.lane", "lines.$": "States.ArrayLength($.priced)"},
      "End": true}
  }
}
ASL

arn=$(sfn create-state-machine --name "$name" --role-arn "$role" \
  --definition "file://$work/order.asl.json" --query stateMachineArn --output text)
expect "state machine ARN" "arn:aws:states:ap-northeast-1:000000000000:stateMachine:$name" "$arn"
expect "described as STANDARD" STANDARD "$(sfn describe-state-machine --state-machine-arn "$arn" --query type --output text)"

execution=$(sfn start-execution --state-machine-arn "$arn" --name order-1 \
  --input '{"order":"o-1","express":true,"lines":[{"sku":"a","price":10,"shipping":2},{"sku":"b","price":5,"shipping":0}]}' \
  --query executionArn --output text)
expect "execution ARN" "arn:aws:states:ap-northeast-1:000000000000:execution:$name:order-1" "$execution"
expect "execution succeeded" SUCCEEDED "$(await_end "$execution")"
expect "execution output" '{"order":"o-1","lane":"express","lines":2}' \
  "$(sfn describe-execution --execution-arn "$execution" --query output --output text)"

types=$(sfn get-execution-history --execution-arn "$execution" --query 'events[].type' --output text)
expect "history event types" "ExecutionStarted	MapStateEntered	MapStateStarted	MapIterationStarted	PassStateEntered	PassStateExited	MapIterationSucceeded	MapIterationStarted	PassStateEntered	PassStateExited	MapIterationSucceeded	MapStateSucceeded	MapStateExited	ChoiceStateEntered	ChoiceStateExited	PassStateEntered	PassStateExited	PassStateEntered	PassStateExited	ExecutionSucceeded" "$types"
expect "newest event first in reverse order" ExecutionSucceeded \
  "$(sfn get-execution-history --execution-arn "$execution" --reverse-order --query 'events[0].type' --output text)"
expect "listed as succeeded" order-1 \
  "$(sfn list-executions --state-machine-arn "$arn" --status-filter SUCCEEDED --query 'executions[].name' --output text)"

failing=$(sfn start-execution --state-machine-arn "$arn" --input '{"order":"o-2","lines":{}}' --query executionArn --output text)
expect "bad input fails the execution" FAILED "$(await_end "$failing")"
expect "with AWS's error name" States.Runtime \
  "$(sfn describe-execution --execution-arn "$failing" --query error --output text)"

if sfn describe-state-machine --state-machine-arn "${arn}-missing" 2>"$work/missing.err"; then
  echo "FAIL: a missing state machine was described" >&2; exit 1
fi
expect "missing state machine" 1 "$(grep -c StateMachineDoesNotExist "$work/missing.err")"
if sfn create-state-machine --name "$name-broken" --role-arn "$role" \
    --definition '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}' 2>"$work/broken.err"; then
  echo "FAIL: an invalid definition was accepted" >&2; exit 1
fi
expect "invalid definition" 1 "$(grep -c "InvalidDefinition.*MISSING_TRANSITION_TARGET" "$work/broken.err")"

sfn delete-state-machine --state-machine-arn "$arn"
echo "scenario passed"
