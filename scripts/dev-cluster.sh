#!/usr/bin/env bash
# A real local Kubernetes control plane (etcd + kube-apiserver + kube-controller-manager) with a
# kubelet stand-in, for the demo and the tests. No container runtime runs here, so the stand-in
# binds pods to a Node, marks them Running and Ready, and serves the kubelet's port-forward endpoint.
#
#   scripts/dev-cluster.sh up     start it (provisions the binaries first if needed); idempotent
#   scripts/dev-cluster.sh down   stop it and remove its state
#   scripts/dev-cluster.sh env    print `export KUBECONFIG=...` for a shell
#   scripts/dev-cluster.sh status say whether it runs
#   scripts/dev-cluster.sh bin    print the directory of the release's binaries (kubectl ...)
#
# Environment:
#   OSM_KUBE_RELEASE            which Kubernetes: unset or `modern` for the current release built
#                               from Go modules, `1.20` for the build of Debian's 1.20 source
#   OSM_DEV_CLUSTER_DIR         state directory (default ~/.cache/osm-dev-cluster/run)
#   OSM_DEV_CLUSTER_PARENT_PID  stop the cluster when this process exits (used by the test harness)
#   OSM_KUBELET_STANDIN         path of the kubelet stand-in binary (default: built from tools/)
#   OSM_CLUSTER_CACHE           where provision-cluster.sh keeps the binaries
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}"
case "${OSM_KUBE_RELEASE:-modern}" in
  modern) RELEASE=modern; BIN="$CACHE/bin/modern"; ETCD="$BIN/etcd" ;;
  1.20) RELEASE=1.20; BIN="$CACHE/bin"; ETCD=etcd ;;
  *) echo "[dev-cluster] OSM_KUBE_RELEASE=$OSM_KUBE_RELEASE: expected modern or 1.20" >&2; exit 2 ;;
esac
DIR="${OSM_DEV_CLUSTER_DIR:-$CACHE/run}"
KUBECONFIG_FILE="$DIR/kubeconfig"
PROCS="etcd kube-apiserver kube-controller-manager kubelet-standin"

log() { printf '[dev-cluster] %s\n' "$*" >&2; }

running() {
  local p
  for p in etcd kube-apiserver; do
    [ -f "$DIR/$p.pid" ] && kill -0 "$(cat "$DIR/$p.pid")" 2>/dev/null || return 1
  done
}

free_port() {
  local port
  while :; do
    port=$(( (RANDOM % 30000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      # Not listened on; also skip ports this run already handed out.
      case " ${USED_PORTS:-} " in *" $port "*) continue ;; esac
      USED_PORTS="${USED_PORTS:-} $port"
      echo "$port"
      return
    fi
  done
}

stop() {
  local p pid
  for p in kubelet-standin kube-controller-manager kube-apiserver etcd watchdog; do
    if [ -f "$DIR/$p.pid" ]; then
      pid=$(cat "$DIR/$p.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$DIR/$p.pid"
    fi
  done
}

make_pki() {
  local pki="$DIR/pki"
  mkdir -p "$pki"
  # rustls insists on X.509 v3 with a real CA, so: a CA, then a serving certificate signed by it.
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=osm-dev-ca" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
  cat >"$pki/serving.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
EXT
  openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" \
    -keyout "$pki/apiserver.key" -out "$pki/apiserver.csr" 2>/dev/null
  openssl x509 -req -in "$pki/apiserver.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 365 -extfile "$pki/serving.ext" -out "$pki/apiserver.crt" 2>/dev/null
  # The API server's client certificate towards the kubelet (port-forward, logs).
  cat >"$pki/client.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
EXT
  openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=kube-apiserver-kubelet-client" \
    -keyout "$pki/apiserver-kubelet-client.key" -out "$pki/apiserver-kubelet-client.csr" 2>/dev/null
  openssl x509 -req -in "$pki/apiserver-kubelet-client.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" \
    -CAcreateserial -days 365 -extfile "$pki/client.ext" -out "$pki/apiserver-kubelet-client.crt" 2>/dev/null
  # The kubelet stand-in's serving certificate (the API server connects to it on 127.0.0.1).
  openssl req -newkey rsa:2048 -nodes -subj "/CN=osm-dev-node" \
    -keyout "$pki/kubelet.key" -out "$pki/kubelet.csr" 2>/dev/null
  openssl x509 -req -in "$pki/kubelet.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 365 -extfile "$pki/serving.ext" -out "$pki/kubelet.crt" 2>/dev/null
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
}

write_kubeconfig() {
  local port=$1 admin=$2 user=$3 ca
  ca=$(base64 -w0 <"$DIR/pki/ca.crt")
  umask 077
  cat >"$KUBECONFIG_FILE" <<KC
apiVersion: v1
kind: Config
clusters:
- name: osm-dev
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority-data: $ca
users:
- name: osm-dev-admin
  user:
    token: $admin
- name: osm-dev-user
  user:
    token: $user
contexts:
- name: osm-dev-admin
  context:
    cluster: osm-dev
    user: osm-dev-admin
- name: osm-dev-user
  context:
    cluster: osm-dev
    user: osm-dev-user
current-context: osm-dev-admin
KC
}

standin_binary() {
  if [ -n "${OSM_KUBELET_STANDIN:-}" ]; then
    echo "$OSM_KUBELET_STANDIN"
    return
  fi
  local target="${CARGO_TARGET_DIR:-$REPO/target}"
  if [ ! -x "$target/debug/kubelet-standin" ] || [ -n "$(find "$REPO/tools/kubelet-standin" -newer "$target/debug/kubelet-standin" -type f 2>/dev/null | head -n 1)" ]; then
    log "building the kubelet stand-in"
    (cd "$REPO" && cargo build -q -p kubelet-standin) >&2
  fi
  echo "$target/debug/kubelet-standin"
}

up() {
  if running; then
    local have
    have=$(cat "$DIR/release" 2>/dev/null || echo 1.20)
    if [ "$have" != "$RELEASE" ]; then
      log "already running with Kubernetes $have, not $RELEASE: run \`$0 down\` first"
      exit 1
    fi
    log "already running (KUBECONFIG=$KUBECONFIG_FILE)"
    return 0
  fi
  "$REPO/scripts/provision-cluster.sh" "$RELEASE"
  local standin
  standin=$(standin_binary)
  stop
  rm -rf "$DIR"
  mkdir -p "$DIR"
  echo "$RELEASE" >"$DIR/release"
  make_pki

  local etcd_port peer_port api_port kubelet_port admin_token user_token
  etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port); kubelet_port=$(free_port)
  admin_token=$(openssl rand -hex 24)
  user_token=$(openssl rand -hex 24)
  (umask 077; printf '%s,osm-dev-admin,uid-admin,"system:masters"\n%s,osm-dev-user,uid-user\n' \
    "$admin_token" "$user_token" >"$DIR/tokens.csv")
  write_kubeconfig "$api_port" "$admin_token" "$user_token"

  log "starting etcd on 127.0.0.1:$etcd_port"
  # The data lives in memory when /dev/shm exists: these clusters are thrown away.
  local data="$DIR/etcd-data"
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then data=$(mktemp -d /dev/shm/osm-etcd.XXXXXX); echo "$data" >"$DIR/etcd-data.path"; fi
  "$ETCD" --name default --data-dir "$data" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "default=http://127.0.0.1:$peer_port" --unsafe-no-fsync \
    >"$DIR/etcd.log" 2>&1 &
  echo $! >"$DIR/etcd.pid"

  # Flags that exist only on one side of the releases. The modern API server refuses to
  # publish a loopback address as the `kubernetes` Service's endpoint, and nothing in this
  # cluster reaches the API server through that Service. The node controllers, renamed since
  # 1.20, stay off: the stand-in posts no heartbeats and takes no pod CIDR.
  local api_extra=() kcm_extra=()
  if [ "$RELEASE" = 1.20 ]; then
    api_extra=(--insecure-port 0)
    kcm_extra=(--port 0 --controllers '*,-nodeipam,-nodelifecycle,-cloud-node-lifecycle')
  else
    api_extra=(--endpoint-reconciler-type none)
    kcm_extra=(--controllers '*,-node-ipam-controller,-node-lifecycle-controller')
  fi

  log "starting kube-apiserver $RELEASE on https://127.0.0.1:$api_port"
  "$BIN/kube-apiserver" "${api_extra[@]}" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" \
    --tls-cert-file "$DIR/pki/apiserver.crt" --tls-private-key-file "$DIR/pki/apiserver.key" \
    --client-ca-file "$DIR/pki/ca.crt" \
    --token-auth-file "$DIR/tokens.csv" --authorization-mode RBAC \
    --service-account-key-file "$DIR/pki/sa.pub" --service-account-signing-key-file "$DIR/pki/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-cluster-ip-range 10.96.0.0/16 --allow-privileged=true \
    --kubelet-preferred-address-types InternalIP \
    --kubelet-certificate-authority "$DIR/pki/ca.crt" \
    --kubelet-client-certificate "$DIR/pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$DIR/pki/apiserver-kubelet-client.key" \
    --profiling=false --v=1 \
    >"$DIR/kube-apiserver.log" 2>&1 &
  echo $! >"$DIR/kube-apiserver.pid"

  local kubectl=("$BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE" --context osm-dev-admin)
  local ok=""
  for _ in $(seq 1 480); do
    if "${kubectl[@]}" get --raw /readyz >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "$(cat "$DIR/kube-apiserver.pid")" 2>/dev/null || break
    sleep 0.25
  done
  if [ -z "$ok" ]; then
    tail -n 30 "$DIR/kube-apiserver.log" >&2
    log "kube-apiserver did not become ready; logs in $DIR"
    stop
    exit 1
  fi

  log "starting kube-controller-manager"
  "$BIN/kube-controller-manager" "${kcm_extra[@]}" \
    --kubeconfig "$KUBECONFIG_FILE" \
    --service-account-private-key-file "$DIR/pki/sa.key" --root-ca-file "$DIR/pki/ca.crt" \
    --leader-elect=false --use-service-account-credentials=false \
    --secure-port 0 --v=1 \
    >"$DIR/kube-controller-manager.log" 2>&1 &
  echo $! >"$DIR/kube-controller-manager.pid"

  log "starting the kubelet stand-in (kubelet port $kubelet_port)"
  "$standin" --kubeconfig "$KUBECONFIG_FILE" --context osm-dev-admin --node osm-dev-node \
    --port "$kubelet_port" --cert "$DIR/pki/kubelet.crt" --key "$DIR/pki/kubelet.key" \
    --client-ca "$DIR/pki/ca.crt" \
    >"$DIR/kubelet-standin.log" 2>&1 &
  echo $! >"$DIR/kubelet-standin.pid"

  # Ready for tests once the controller-manager has made the default ServiceAccount and the Node is Ready.
  ok=""
  for _ in $(seq 1 480); do
    if "${kubectl[@]}" -n default get serviceaccount default >/dev/null 2>&1 \
      && "${kubectl[@]}" get node osm-dev-node >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "$(cat "$DIR/kube-controller-manager.pid")" 2>/dev/null || break
    kill -0 "$(cat "$DIR/kubelet-standin.pid")" 2>/dev/null || break
    sleep 0.25
  done
  if [ -z "$ok" ]; then
    tail -n 20 "$DIR/kube-controller-manager.log" "$DIR/kubelet-standin.log" >&2 || true
    log "the controller-manager or the kubelet stand-in did not come up; logs in $DIR"
    stop
    exit 1
  fi

  if [ -n "${OSM_DEV_CLUSTER_PARENT_PID:-}" ]; then
    # Detached from our stdout so a caller waiting for `up` to finish is not held open.
    nohup setsid bash -c '
      while kill -0 "$1" 2>/dev/null; do sleep 1; done
      OSM_DEV_CLUSTER_DIR="$2" "$3" down >/dev/null 2>&1' _ \
      "$OSM_DEV_CLUSTER_PARENT_PID" "$DIR" "$REPO/scripts/dev-cluster.sh" >/dev/null 2>&1 &
    echo $! >"$DIR/watchdog.pid"
  fi
  log "ready: export KUBECONFIG=$KUBECONFIG_FILE (contexts osm-dev-admin, osm-dev-user)"
}

down() {
  stop
  if [ -f "$DIR/etcd-data.path" ]; then rm -rf "$(cat "$DIR/etcd-data.path")"; fi
  rm -rf "$DIR"
  log "stopped"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  env) echo "export KUBECONFIG=$KUBECONFIG_FILE" ;;
  bin) echo "$BIN" ;;
  status) if running; then echo "running: KUBECONFIG=$KUBECONFIG_FILE"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 up|down|env|bin|status" >&2; exit 2 ;;
esac
