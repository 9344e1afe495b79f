#!/usr/bin/env bash
# The local DynamoDB endpoint through the AWS CLI (Debian's awscli), as a user would drive it:
# create a table, write with a condition, update and query with expressions, and see a transaction cancelled.
#   ENDPOINT=http://localhost:4566 platform-local/dynamodb/scenarios/aws-cli.sh
set -euo pipefail

: "${ENDPOINT:?set ENDPOINT to the local endpoint, e.g. http://localhost:4566}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
export AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
table="${TABLE:-CliOrders}"

ddb() { aws --endpoint-url "$ENDPOINT" --region ap-northeast-1 dynamodb "$@"; }
expect() { # expect <what> <expected> <actual>
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]" >&2; exit 1; fi
  echo "ok: $1"
}

ddb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
ddb wait table-exists --table-name "$table"
expect "table is active" ACTIVE "$(ddb describe-table --table-name "$table" --query Table.TableStatus --output text)"

for n in 1 2; do
  ddb put-item --table-name "$table" --condition-expression "attribute_not_exists(pk)" \
    --item "{\"pk\":{\"S\":\"c1\"},\"sk\":{\"S\":\"order#$n\"},\"total\":{\"N\":\"10\"},\"status\":{\"S\":\"OPEN\"}}"
done
if ddb put-item --table-name "$table" --condition-expression "attribute_not_exists(pk)" \
    --item '{"pk":{"S":"c1"},"sk":{"S":"order#1"}}' 2>/tmp/nagare-cli-put.err; then
  echo "FAIL: a conditional put over an existing item succeeded" >&2; exit 1
fi
expect "conditional put refused" 1 "$(grep -c ConditionalCheckFailedException /tmp/nagare-cli-put.err)"

updated=$(ddb update-item --table-name "$table" --key '{"pk":{"S":"c1"},"sk":{"S":"order#1"}}' \
  --update-expression "SET #s = :paid, #t = #t + :tip" --condition-expression "#s = :open" \
  --expression-attribute-names '{"#s":"status","#t":"total"}' \
  --expression-attribute-values '{":paid":{"S":"PAID"},":open":{"S":"OPEN"},":tip":{"N":"2.50"}}' \
  --return-values UPDATED_NEW --query Attributes.total.N --output text)
expect "update with expressions" 12.5 "$updated"

count=$(ddb query --table-name "$table" --key-condition-expression "pk = :c AND begins_with(sk, :o)" \
  --filter-expression "#s = :paid" --expression-attribute-names '{"#s":"status"}' \
  --expression-attribute-values '{":c":{"S":"c1"},":o":{"S":"order#"},":paid":{"S":"PAID"}}' \
  --query "[Count, ScannedCount]" --output text)
expect "query counts matches and reads" "1	2" "$count"

if ddb transact-write-items --transact-items "[
    {\"Put\": {\"TableName\": \"$table\", \"Item\": {\"pk\": {\"S\": \"c1\"}, \"sk\": {\"S\": \"order#3\"}}}},
    {\"Update\": {\"TableName\": \"$table\", \"Key\": {\"pk\": {\"S\": \"c1\"}, \"sk\": {\"S\": \"order#2\"}},
      \"UpdateExpression\": \"SET #s = :shipped\", \"ConditionExpression\": \"#s = :paid\",
      \"ExpressionAttributeNames\": {\"#s\": \"status\"},
      \"ExpressionAttributeValues\": {\":shipped\": {\"S\": \"SHIPPED\"}, \":paid\": {\"S\": \"PAID\"}}}}
  ]" 2>/tmp/nagare-cli-transact.err; then
  echo "FAIL: a transaction with a failing condition succeeded" >&2; exit 1
fi
expect "transaction cancelled with reasons in order" 1 \
  "$(grep -c 'TransactionCanceledException.*\[None, ConditionalCheckFailed\]' /tmp/nagare-cli-transact.err)"
expect "cancelled transaction wrote nothing" 0 \
  "$(ddb get-item --table-name "$table" --key '{"pk":{"S":"c1"},"sk":{"S":"order#3"}}' --query 'length(Item || `{}`)' --output text)"

ddb delete-table --table-name "$table" >/dev/null
echo "scenario passed"
