#!/usr/bin/env bash
# Writes the upgrade fixture of a scimgate release: a small store written through the release's
# own public APIs (admin API and SCIM, with curl), kept as an H2 database file and as a plain-SQL
# pg_dump, with what the upgrade tests need to know about it (ids, tokens, cursors) in a
# properties file per store. UpgradeTest opens these with the current code.
#
#   make-fixture.sh RELEASE_JAR OUT_DIR
#
# RELEASE_JAR is the release's scimgate.jar, built outside this repository, e.g.:
#   git archive v0.1.0 | tar -x -C /tmp/scimgate-v0.1.0
#   (cd /tmp/scimgate-v0.1.0 && mvn -B -q package -DskipTests)
#   make-fixture.sh /tmp/scimgate-v0.1.0/scim-server/target/scimgate.jar scim-server/src/test/resources/upgrade/v0.1.0
# PostgreSQL: the server at PGHOST/PGPORT (default 127.0.0.1:5432) with PGUSER/PGPASSWORD
# (default scimgate/scimgate), a role that may create databases. Needs java, curl, jq, psql, pg_dump.
set -euo pipefail

JAR=$(realpath "$1")
OUT=$(realpath "$2")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-scimgate} PGPASSWORD=${PGPASSWORD:-scimgate}
WORK=$(mktemp -d)
SERVER_PID=
trap 'if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

start_server() { # DB_URL [DB_USER DB_PASSWORD]
  SCIMGATE_PORT=0 SCIMGATE_BIND=127.0.0.1 SCIMGATE_DB_URL="$1" SCIMGATE_DB_USER="${2:-}" SCIMGATE_DB_PASSWORD="${3:-}" \
    java -jar "$JAR" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if grep -q "Admin token" "$WORK/server.log"; then break; fi
    sleep 1
  done
  BASE=$(sed -nE 's/.*SCIM base URL : (http:\/\/[^/]+)\/scim.*/\1/p' "$WORK/server.log")
  ADMIN=$(sed -nE 's/.*Admin token   : (sga_[A-Za-z0-9_-]+).*/\1/p' "$WORK/server.log")
  [ -n "$BASE" ] && [ -n "$ADMIN" ] || { cat "$WORK/server.log"; exit 1; }
}

stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=
}

admin() { # METHOD PATH [JSON]
  curl -sf -X "$1" "$BASE/admin/v1/$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

scim() { # TOKEN DIRECTORY METHOD PATH [JSON]
  curl -sf -X "$3" "$BASE/scim/v2/$2/$4" -H "Authorization: Bearer $1" -H 'Content-Type: application/scim+json' ${5:+-d "$5"}
}

user_json() { # USERNAME EXTERNAL_ID GIVEN FAMILY
  echo '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"'"$1"'","externalId":"'"$2"'",
         "name":{"givenName":"'"$3"'","familyName":"'"$4"'"},"emails":[{"value":"'"$1"'","type":"work","primary":true}],"active":true}'
}

write_fixture() { # PROPERTIES_FILE
  local org domain directory okta okta2 entra ana bo gus group webhook
  org=$(admin POST organizations '{"name":"Acme"}' | jq -r .id)
  domain=$(admin POST "organizations/$org/domains" '{"domain":"acme.com","verification":"manual"}' | jq -r .id)
  admin POST "organizations/$org/domains/$domain/verify" >/dev/null
  admin POST "organizations/$org/domains" '{"domain":"acme.org","verification":"dns"}' >/dev/null
  webhook=$(admin POST webhooks '{"url":"http://127.0.0.1:9/never-answers","organizationId":"'"$org"'"}' | jq -r .webhook.id)

  directory=$(admin POST "organizations/$org/directories" '{"name":"Okta","provider":"okta"}')
  okta=$(echo "$directory" | jq -r .id)
  local okta_token okta_token2 entra_token
  okta_token=$(echo "$directory" | jq -r .token)
  okta_token2=$(admin POST "directories/$okta/tokens" | jq -r .token)
  directory=$(admin POST "organizations/$org/directories" '{"name":"Entra","provider":"entra"}')
  entra=$(echo "$directory" | jq -r .id)
  entra_token=$(echo "$directory" | jq -r .token)
  admin PATCH "directories/$entra" '{"rateLimit":{"requestsPerSecond":50,"burst":80}}' >/dev/null

  ana=$(scim "$okta_token" "$okta" POST Users "$(user_json ana.lee@acme.com 00u1 Ana Lee)" | jq -r .id)
  bo=$(scim "$okta_token" "$okta" POST Users "$(user_json bo.chen@acme.com 00u2 Bo Chen)" | jq -r .id)
  gus=$(scim "$okta_token2" "$okta" POST Users "$(user_json gus@contractor.example 00u3 Gus Ortiz)" | jq -r .id)
  scim "$okta_token" "$okta" POST Users "$(user_json dee@acme.com 00u4 Dee Park)" >/dev/null
  scim "$okta_token" "$okta" PATCH "Users/$bo" \
    '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Engineer"}]}' >/dev/null
  group=$(scim "$okta_token" "$okta" POST Groups '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Admins",
    "members":[{"value":"'"$ana"'"},{"value":"'"$bo"'"}]}' | jq -r .id)
  admin PUT "organizations/$org/group-roles" '{"mappings":[{"groupId":"'"$group"'","role":"admin","priority":10}]}' >/dev/null
  scim "$entra_token" "$entra" POST Users "$(user_json ana.lee@acme.com aad-1 Ana Lee)" >/dev/null
  scim "$entra_token" "$entra" POST Users "$(user_json eve@acme.com aad-2 Eve Adams)" >/dev/null
  scim "$entra_token" "$entra" PATCH "Users/$(scim "$entra_token" "$entra" GET 'Users?filter=externalId%20eq%20%22aad-2%22' | jq -r '.Resources[0].id')" \
    '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}' >/dev/null

  local invitation cursor last_event users memberships webhook_cursor
  invitation=$(admin GET "invitations?organizationId=$org&state=pending" | jq -r '.data[0].id')
  cursor=$(scim "$okta_token" "$okta" GET 'Users?cursor&count=2' | jq -r .nextCursor)
  last_event=$(admin GET 'events?limit=100' | jq -r '.data[-1].id')
  users=$(admin GET 'users?limit=100' | jq -r '.data | length')
  webhook_cursor=$(admin GET "webhooks/$webhook" | jq -r .lastEventId)
  memberships=$(admin GET "organizations/$org/memberships" | jq -c '[.data[] | {email, status, role}] | sort_by(.email)')
  cat >"$1" <<PROPERTIES
# Written by make-fixture.sh against $(basename "$(dirname "$(dirname "$(dirname "$JAR")")")") on $(date -u +%Y-%m-%dT%H:%M:%SZ)
adminToken=$ADMIN
organizationId=$org
oktaDirectoryId=$okta
oktaToken=$okta_token
oktaSecondToken=$okta_token2
entraDirectoryId=$entra
entraToken=$entra_token
anaDirectoryUserId=$ana
gusDirectoryUserId=$gus
groupId=$group
webhookId=$webhook
webhookLastEventId=$webhook_cursor
pendingInvitationId=$invitation
oktaUsersNextCursor=$cursor
oktaUsers=4
entraUsers=2
users=$users
lastEventId=$last_event
memberships=$memberships
PROPERTIES
}

mkdir -p "$OUT"

echo "== H2"
start_server "jdbc:h2:file:$WORK/h2/scimgate"
write_fixture "$OUT/h2.properties"
stop_server
java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/h2/scimgate" -sql "SHUTDOWN COMPACT" >/dev/null
cp "$WORK/h2/scimgate.mv.db" "$OUT/h2.mv.db"

echo "== PostgreSQL at $PGHOST:$PGPORT"
DB=scimgate_fixture_$$
psql -d postgres -qc "CREATE DATABASE $DB"
start_server "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$PGUSER" "$PGPASSWORD"
write_fixture "$OUT/postgres.properties"
stop_server
pg_dump --no-owner --no-privileges --column-inserts --dbname "$DB" >"$OUT/postgres.sql"
psql -d postgres -qc "DROP DATABASE $DB"
echo "== written to $OUT"
