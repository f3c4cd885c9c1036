#!/usr/bin/env bash
# Runs the curl examples of README.md and docs/*.md against a running demo service and checks each answer's
# status and a key part of its body, so the examples stay true. Usage:
#   bash docs/check-examples.sh [base URL]        (default http://localhost:8080)
# Needs the demo profile (demo tokens, the demo CTI token, the demo WeChat account) and curl, sed, grep.
# Every run submits new appeals with fresh Idempotency-Keys; it changes nothing that a later run depends on
# (the calendar import of docs/sla.md is checked for its refusal only, since a real import replaces a year).
set -uo pipefail

BASE=${1:-http://localhost:8080}
BASE=${BASE%/}
passed=0
failed=0
body=$(mktemp)
trap 'rm -f "$body"' EXIT

uuid() { cat /proc/sys/kernel/random/uuid; }

# check <name> <expected status> <substring of the body, or ''> -- <curl arguments>
check() {
    local name=$1 want=$2 part=$3
    shift 4
    local got
    got=$(curl -s -o "$body" -w '%{http_code}' "$@") || true
    if [[ "$got" == "$want" ]] && { [[ -z "$part" ]] || grep -qF -- "$part" "$body"; }; then
        passed=$((passed + 1))
        printf 'ok    %s\n' "$name"
    else
        failed=$((failed + 1))
        printf 'FAIL  %s: expected %s with %q, got %s: %s\n' "$name" "$want" "$part" "$got" "$(head -c 400 "$body")"
    fi
}

# the last answer's value of a JSON string field
field() { sed -nE "s/.*\"$1\":\"([^\"]*)\".*/\1/p" "$body" | head -1; }

tok() { curl -s -XPOST "$BASE/api/v1/demo/tokens/$1" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }

# waits until the appeal is in the TAX commissioner's queue, assigned to them (assignment follows intake)
await_assigned() {
    for _ in $(seq 1 20); do
        if curl -s "$BASE/api/v1/workqueue?limit=200" -H "Authorization: Bearer $TAX" \
            | grep -qE "\"trackingNo\":\"$1\"[^}]*\"assignee\":\"commissioner-tax\""; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

TAX_APPEAL='{"uscc":"914403001922038216","enterpriseName":"广州测试科技有限公司","contactName":"张三",
       "contactMobile":"13800138000","category":"TAX_SERVICE","appealType":"HELP","title":"数电发票开具失败",
       "description":"我司在电子税务局开具数电发票时一直提示授信额度不足，请协助处理。","consent":true}'

submit_tax_appeal() { # -> $body holds the receipt
    check "$1" 202 '"trackingNo"' -- -XPOST "$BASE/api/v1/appeals" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: $(uuid)" -d "$TAX_APPEAL"
}

if ! curl -s -o /dev/null "$BASE/q/health/ready"; then
    echo "no service at $BASE"
    exit 2
fi

TAX=$(tok commissioner-tax)
SAMR=$(tok commissioner-samr)
DSP=$(tok dispatcher-demo)
ADMIN=$(tok admin)
[[ -n "$TAX" && "$TAX" != *'"'* ]] || { echo "no demo tokens at $BASE (is it the demo profile?)"; exit 2; }

echo "== README.md"
check "README: submit an appeal" 202 '"queryCode"' -- -XPOST "$BASE/api/v1/appeals" \
    -H 'Content-Type: application/json' -H 'Idempotency-Key: readme-demo-0001' -d "$TAX_APPEAL"
NO=$(field trackingNo)
check "README: the appeal as the tax commissioner, with its clocks" 200 '"clocks":[{"clock":"RESPOND"' -- \
    "$BASE/api/v1/appeals/$NO" -H "Authorization: Bearer $TAX"
check "README: appeals expected late" 200 '"expectedLateAt":' -- "$BASE/api/v1/risk/expected-late?limit=3" \
    -H "Authorization: Bearer $(tok district-leader)"
check "README: demo login of the agent, to the desk" 303 '' -- "$BASE/demo/login/agent-demo?to=/desk/phone"
check "README: a call on the demo CTI token" 200 '{}' -- "$BASE/api/v1/cti/demo-cti-token-0001" -d event=newCall \
    -d direction=in -d from=13800138000 -d to=020-12345 -d callId=z-readme-0001
check "README: WeChat URL check" 200 'hello-huiyin' -- \
    "$BASE/api/v1/channels/wechat?signature=67c7ab95f26b7433817a9348859bda6b7f742a6f&timestamp=1700000000&nonce=42&echostr=hello-huiyin"

echo "== docs/api.md"
check "api.md input rules: a key given twice" 400 '"field":"title"' -- -XPOST "$BASE/api/v1/appeals" \
    -H 'Content-Type: application/json' -d '{"title":"a","title":"b"}'

echo "== docs/workqueue.md"
submit_tax_appeal "workqueue.md: submit a TAX_SERVICE appeal"
NO=$(field trackingNo)
await_assigned "$NO" || echo "      (the appeal was not assigned within 10 s)"
check "workqueue.md: the queue" 200 "\"trackingNo\":\"$NO\"" -- "$BASE/api/v1/workqueue?limit=200" \
    -H "Authorization: Bearer $TAX"
check "workqueue.md: the queue riskiest first" 200 '"breachRisk"' -- "$BASE/api/v1/workqueue?sort=risk&limit=5" \
    -H "Authorization: Bearer $TAX"
check "sla.md: appeals expected late" 200 '"expectedLateAt":' -- "$BASE/api/v1/risk/expected-late?limit=3" \
    -H "Authorization: Bearer $(tok district-leader)"
check "workqueue.md: live updates open" 200 '' -- -N --max-time 2 "$BASE/api/v1/workqueue/live" \
    -H "Authorization: Bearer $TAX"
check "workqueue.md: accept" 200 '"status":"ACCEPTED"' -- -XPOST "$BASE/api/v1/appeals/$NO/accept" \
    -H "Authorization: Bearer $TAX"
check "workqueue.md: a public note" 200 '"status":"ACCEPTED"' -- -XPOST "$BASE/api/v1/appeals/$NO/notes" \
    -H "Authorization: Bearer $TAX" -H 'Content-Type: application/json' \
    -d '{"note":"正在核查授信额度","visibleToEnterprise":true}'
check "workqueue.md: first contact" 200 '"status":"HANDLING"' -- -XPOST "$BASE/api/v1/appeals/$NO/first-contact" \
    -H "Authorization: Bearer $TAX" -H 'Content-Type: application/json' \
    -d '{"note":"已电话联系张三，约定明日核实开票授信情况"}'
REPLY='{"answer":"经核实，贵司授信额度已按规定调增，请重新登录电子税务局开票。"}'
check "workqueue.md: reply" 200 '"status":"REPLIED"' -- -XPOST "$BASE/api/v1/appeals/$NO/reply" \
    -H "Authorization: Bearer $TAX" -H 'Content-Type: application/json' -d "$REPLY"
check "workqueue.md: a second reply is refused" 409 'cannot REPLY an appeal that is REPLIED' -- \
    -XPOST "$BASE/api/v1/appeals/$NO/reply" -H "Authorization: Bearer $TAX" -H 'Content-Type: application/json' \
    -d "$REPLY"
check "workqueue.md: the staff view, contact masked" 200 '"contactMobile":"138****8000"' -- \
    "$BASE/api/v1/appeals/$NO" -H "Authorization: Bearer $TAX"
check "workqueue.md: the reply in the timeline" 200 '"type":"REPLIED"' -- \
    "$BASE/api/v1/appeals/$NO" -H "Authorization: Bearer $TAX"
check "workqueue.md: another unit gets 404" 404 'not-found' -- -XPOST "$BASE/api/v1/appeals/$NO/accept" \
    -H "Authorization: Bearer $SAMR"
check "workqueue.md: reveal the mobile number" 200 '"value":"13800138000"' -- \
    -XPOST "$BASE/api/v1/appeals/$NO/personal-data" -H "Authorization: Bearer $TAX" \
    -H 'Content-Type: application/json' -d '{"field":"contactMobile","purpose":"电话联系企业核实情况"}'

submit_tax_appeal "workqueue.md: submit an appeal to return"
RET=$(field trackingNo)
await_assigned "$RET" || echo "      (the appeal was not assigned within 10 s)"
check "workqueue.md: return within the window" 200 '"status":"RETURNED"' -- -XPOST "$BASE/api/v1/appeals/$RET/return" \
    -H "Authorization: Bearer $TAX" -H 'Content-Type: application/json' -d '{"reason":"属于市场监管事项，非税务"}'
check "workqueue.md: the returned appeal on the dispatcher's desk" 200 \
    "\"trackingNo\":\"$RET\"" -- "$BASE/api/v1/dispatch/queue?limit=500" -H "Authorization: Bearer $DSP"
check "workqueue.md: the return's reason on the desk" 200 '"returnReason":"属于市场监管事项，非税务"' -- \
    "$BASE/api/v1/dispatch/queue?limit=500" -H "Authorization: Bearer $DSP"
check "workqueue.md: return accepted, re-dispatched" 200 '"status":"DISPATCHED"' -- \
    -XPOST "$BASE/api/v1/dispatch/appeals/$RET/return-decision" -H "Authorization: Bearer $DSP" \
    -H 'Content-Type: application/json' -d '{"accept":true,"toUnit":"SAMR","reason":"同意退回，改派市场监管局"}'

check "workqueue.md: an appeal routing cannot place" 202 '"trackingNo"' -- -XPOST "$BASE/api/v1/appeals" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" \
    -d '{"uscc":"914403001922038216","enterpriseName":"广州测试科技有限公司","contactName":"张三",
       "contactMobile":"13800138000","title":"想咨询一个问题",
       "description":"请问我们公司遇到的这个情况应该找哪个部门，麻烦告知一下，谢谢。","consent":true}'
VAGUE=$(field trackingNo)
sleep 1
check "workqueue.md: it waits with suggestions (an array)" 200 \
    "\"trackingNo\":\"$VAGUE\"" -- "$BASE/api/v1/dispatch/queue?limit=500" -H "Authorization: Bearer $DSP"
if ! grep -qE "\"trackingNo\":\"$VAGUE\"[^]]*\"suggestions\":\[\{\"category\":" "$body"; then
    failed=$((failed + 1)); echo "FAIL  workqueue.md: suggestions of $VAGUE are not an array of {category, confidence}"
else
    passed=$((passed + 1)); echo "ok    workqueue.md: suggestions are an array of {category, confidence}"
fi
check "workqueue.md: OTHER needs a unit" 400 '"field":"unit"' -- \
    -XPOST "$BASE/api/v1/dispatch/appeals/$VAGUE/dispatch" -H "Authorization: Bearer $DSP" \
    -H 'Content-Type: application/json' -d '{"category":"OTHER"}'
check "workqueue.md: dispatched by hand" 200 '"status":"DISPATCHED"' -- \
    -XPOST "$BASE/api/v1/dispatch/appeals/$VAGUE/dispatch" -H "Authorization: Bearer $DSP" \
    -H 'Content-Type: application/json' -d '{"category":"OTHER","unit":"DRC"}'

echo "== docs/sla.md"
check "sla.md: the /sla page" 200 '服务时限' -- "$BASE/sla"
check "sla.md: the calendar" 200 '"loadedYears":[2025,2026' -- "$BASE/api/v1/sla/calendar"
check "sla.md: preview, HANDLE over the National Day holidays" 200 \
    '"clock":"HANDLE","label":"处置","ruleId":3,"amount":2,"unit":"WORKING_DAYS"' -- -H "Authorization: Bearer $ADMIN" \
    "$BASE/api/v1/sla/preview?appealType=CONSULT&category=TAX_SERVICE&from=2025-09-30T08:00:00Z"
check "sla.md: preview, HANDLE due 2025-10-10 18:00 Beijing" 200 '"dueAt":"2025-10-10T10:00:00Z"' -- \
    -H "Authorization: Bearer $ADMIN" \
    "$BASE/api/v1/sla/preview?appealType=CONSULT&category=TAX_SERVICE&from=2025-09-30T08:00:00Z"
submit_tax_appeal "sla.md: submit an appeal"
SLA=$(field trackingNo)
await_assigned "$SLA" || echo "      (the appeal was not assigned within 10 s)"
check "sla.md: its clocks" 200 '"clock":"RETURN_WINDOW"' -- "$BASE/api/v1/appeals/$SLA" -H "Authorization: Bearer $TAX"
check "sla.md: extend HANDLE by 5 working days" 200 '"extendedDays":5' -- \
    -XPOST "$BASE/api/v1/appeals/$SLA/clocks/HANDLE/extension" -H "Authorization: Bearer $DSP" \
    -H 'Content-Type: application/json' -d '{"workingDays":5,"reason":"需协调供电部门现场勘查"}'
check "sla.md: a second extension is refused" 409 'already-extended' -- \
    -XPOST "$BASE/api/v1/appeals/$SLA/clocks/HANDLE/extension" -H "Authorization: Bearer $DSP" \
    -H 'Content-Type: application/json' -d '{"workingDays":5,"reason":"需协调供电部门现场勘查"}'
check "sla.md: calendar import is for admins only" 403 '' -- -XPOST "$BASE/api/v1/sla/calendar" \
    -H "Authorization: Bearer $DSP" -H 'Content-Type: text/csv' --data-binary $'date,kind,name\n2027-01-01,HOLIDAY,元旦\n'
check "sla.md: accept" 200 '"status":"ACCEPTED"' -- -XPOST "$BASE/api/v1/appeals/$SLA/accept" \
    -H "Authorization: Bearer $TAX"
check "sla.md: first contact" 200 '"status":"HANDLING"' -- -XPOST "$BASE/api/v1/appeals/$SLA/first-contact" \
    -H "Authorization: Bearer $TAX" -H 'Content-Type: application/json' -d '{"note":"已电话联系张三"}'
check "sla.md: RESPOND stopped" 200 '"state":"STOPPED","stateLabel":"已停止"' -- "$BASE/api/v1/appeals/$SLA" \
    -H "Authorization: Bearer $TAX"
check "sla.md: re-time the running clocks" 200 '"clocksRetimed":' -- -XPOST "$BASE/api/v1/sla/recompute" \
    -H "Authorization: Bearer $ADMIN"

# docs/sla.md and api.md: clock rule administration (read, and a refusal that stores nothing)
check "sla.md: the clock rules in force" 200 '"inForce"' -- "$BASE/api/v1/admin/clock-rules" -H "Authorization: Bearer $ADMIN"
check "sla.md: the history of RESPOND" 200 '"clock":"RESPOND"' -- "$BASE/api/v1/admin/clock-rules/history?clock=RESPOND" \
    -H "Authorization: Bearer $ADMIN"
check "sla.md: a rule dated in the past is refused" 422 'effectiveFrom.past' -- -XPOST "$BASE/api/v1/admin/clock-rules" \
    -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"clock":"RESPOND","category":"TAX_SERVICE","amount":30,"unit":"NATURAL_MINUTES","legalSource":"试点","effectiveFrom":"2020-01-01","reason":"试点"}'

# docs/notices.md: a commissioner's notices (the demo has WeCom off: in-app only)
check "notices.md: my notices" 200 '"unread"' -- "$BASE/api/v1/notices" -H "Authorization: Bearer $TAX"

# docs/supervision.md: the desk, an order on the appeal re-dispatched to SAMR above, the unit leader's answer
LEADER=$(tok district-leader)
UNIT=$(tok leader-samr)
check "supervision.md: the desk" 200 '"lines"' -- "$BASE/api/v1/supervision?limit=10" -H "Authorization: Bearer $LEADER"
check "supervision.md: issue an order" 201 '"state":"OPEN"' -- -XPOST "$BASE/api/v1/supervision/$RET/orders" \
    -H "Authorization: Bearer $LEADER" -H 'Content-Type: application/json' \
    -d '{"demand":"请说明该诉求超时未办结的原因及整改措施。","replyWorkingDays":3}'
ORDER=$(sed -nE 's/^\{"id":([0-9]+).*/\1/p' "$body")
check "supervision.md: the unit leader's orders" 200 "\"trackingNo\":\"$RET\"" -- "$BASE/api/v1/supervision/orders" \
    -H "Authorization: Bearer $UNIT"
check "supervision.md: the answer" 200 '"state":"ANSWERED"' -- -XPOST "$BASE/api/v1/supervision/orders/$ORDER/answer" \
    -H "Authorization: Bearer $UNIT" -H 'Content-Type: application/json' \
    -d '{"explanation":"经核实，问题已于今日协调解决，后续将按时办结。"}'
check "supervision.md: escalated orders" 200 '' -- "$BASE/api/v1/supervision/escalated" -H "Authorization: Bearer $LEADER"
check "supervision.md: appeals expected late" 200 '"expectedLateAt":' -- \
    "$BASE/api/v1/supervision/expected-late?limit=5" -H "Authorization: Bearer $LEADER"

# README.md and docs/knowledge.md: the public knowledge search, and the deflection figures
check "README: knowledge search answers" 200 '"answered":true,"matches":[{"articleId":2,' -- -G "$BASE/api/v1/knowledge/search" \
    --data-urlencode 'q=公司想加一项经营范围要准备什么材料'
check "knowledge.md: search, two matches" 200 '"title":"公司搬了办公地址，营业执照上的住所怎么变更？"' -- -G \
    "$BASE/api/v1/knowledge/search" --data-urlencode 'q=营业执照上的地址怎么改' --data-urlencode 'limit=2'
check "knowledge.md: deflection" 200 '"deflectionRate":0.' -- "$BASE/api/v1/knowledge/deflection" \
    -H "Authorization: Bearer $LEADER"

# docs/hotspots.md: the hot spots (the demo files three problems and groups them once they are stored)
for _ in $(seq 1 90); do
    curl -s "$BASE/api/v1/hotspots?limit=3" -H "Authorization: Bearer $LEADER" | grep -q '"appealCount":' && break
    sleep 1
done
check "hotspots.md: the hot spots" 200 '"appealCount":' -- "$BASE/api/v1/hotspots?limit=3" -H "Authorization: Bearer $LEADER"

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
