#!/usr/bin/env bash
# Builds the catalog-smoke image from the Dockerfile with buildah and runs its entrypoint, without a Docker engine
# and without pulling any image:
#
#   1. assembles a Debian bookworm base (debootstrap --variant=minbase, openjdk-17-jre-headless) and commits it
#      as $BASE_IMAGE, unless that image already exists;
#   2. builds the Dockerfile on that base (buildah build, vfs storage, chroot isolation);
#   3. runs the image's entrypoint with `list`, `sandbox --no-keycloak` (exit 0 expected) and with
#      `--fault password-drift` added
#      (exit 1 expected), with buildah run as the image's user;
#   4. runs `sandbox` once more in the image's root filesystem mounted read-only, with writable /tmp and /reports
#      only, as the Job's readOnlyRootFilesystem does, and reads the verdict from /dev/termination-log.
#
# Needs root, buildah, debootstrap and a Debian mirror. Usage: scripts/build-image.sh [build|verify|all] (default all).
# Environment: IMAGE, BASE_IMAGE, DEBIAN_MIRROR, WORK_DIR, REBUILD_BASE=1 to assemble the base again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${IMAGE:-localhost/catalog-smoke:dev}"
base_image="${BASE_IMAGE:-localhost/catalog-smoke-base:bookworm-jre17}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="${WORK_DIR:-/var/tmp/catalog-smoke-image}"
image_user=10001
buildah=(buildah --storage-driver vfs)

containers=()
cleanup() {
  local container
  for container in "${containers[@]}"; do
    "${buildah[@]}" umount "$container" >/dev/null 2>&1 || true
    "${buildah[@]}" rm "$container" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

log() { printf 'build-image: %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

require_tools() {
  [[ $(id -u) -eq 0 ]] || fail "run as root (buildah with vfs storage and debootstrap need it)"
  local tool
  for tool in buildah debootstrap unshare chroot; do
    command -v "$tool" >/dev/null || fail "$tool not found; install it with: apt-get install -y buildah debootstrap"
  done
}

build_jar() {
  if [[ -f "$root/target/catalog-smoke.jar" ]] \
    && [[ -z "$(find "$root/src/main" "$root/pom.xml" "$root/smoke-config" -newer "$root/target/catalog-smoke.jar" -print -quit)" ]]; then
    log "jar is up to date: target/catalog-smoke.jar"
    return
  fi
  log "building target/catalog-smoke.jar"
  (cd "$root" && mvn -B -o -q -DskipTests package)
}

# Removes what a runtime image does not need: downloaded packages, package lists, documentation except the
# copyright files, manual pages and translations.
trim_rootfs() {
  local rootfs="$1"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
}

build_base() {
  if [[ "${REBUILD_BASE:-0}" != 1 ]] && "${buildah[@]}" inspect --type image "$base_image" >/dev/null 2>&1; then
    log "base image $base_image exists; REBUILD_BASE=1 assembles it again"
    return
  fi
  local rootfs="$work/rootfs"
  rm -rf "$rootfs"
  mkdir -p "$work"
  log "assembling $base_image: debootstrap bookworm with openjdk-17-jre-headless from $mirror"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" \
    || fail "debootstrap failed; see $work/debootstrap.log"
  trim_rootfs "$rootfs"
  tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .

  local container
  container="$("${buildah[@]}" from scratch)"
  "${buildah[@]}" add "$container" "$work/rootfs.tar" / >/dev/null
  "${buildah[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 --cmd /bin/sh "$container"
  "${buildah[@]}" commit --rm "$container" "$base_image" >/dev/null
  rm -rf "$rootfs" "$work/rootfs.tar"
}

build_image() {
  log "building $image from Dockerfile on $base_image"
  "${buildah[@]}" build --isolation chroot --pull-never --layers=false --build-arg "BASE_IMAGE=$base_image" \
    -t "$image" -f "$root/Dockerfile" "$root"
  "${buildah[@]}" images --format '{{.Name}}:{{.Tag}} {{.Size}}' "$image" >&2
  # A rebuild leaves the previous image untagged, and vfs storage keeps a full copy of each, so remove them.
  "${buildah[@]}" rmi --prune >/dev/null
}

# Prints the image's entrypoint, one argument a line.
entrypoint() {
  "${buildah[@]}" inspect --type image --format '{{range .OCIv1.Config.Entrypoint}}{{println .}}{{end}}' "$image"
}

expect_exit() {
  local expected="$1" actual="$2" what="$3"
  [[ "$actual" -eq "$expected" ]] || fail "$what exited with $actual, expected $expected"
  log "$what exited with $actual as expected"
}

verify_with_buildah_run() {
  local container reports tmp status
  mapfile -t command < <(entrypoint)
  [[ "${command[0]}" == java ]] || fail "unexpected entrypoint: ${command[*]}"
  reports="$(mktemp -d "$work/reports.XXXXXX")"
  tmp="$(mktemp -d "$work/tmp.XXXXXX")"
  chown "$image_user:$image_user" "$reports" "$tmp"
  container="$("${buildah[@]}" from --pull-never "$image")"
  containers+=("$container")

  local run=("${buildah[@]}" run --isolation chroot -v "$reports:/reports" -v "$tmp:/tmp" "$container" --)
  [[ "$("${run[@]}" id -u)" == "$image_user" ]] || fail "buildah run does not use the image's user $image_user"

  status=0
  "${run[@]}" "${command[@]}" list >"$work/list.out" || status=$?
  expect_exit 0 "$status" "entrypoint 'list'"
  grep -E '^[0-9]+ checks$' "$work/list.out" >&2 || fail "'list' printed no check count; see $work/list.out"

  status=0
  "${run[@]}" "${command[@]}" sandbox --no-keycloak --reports-dir /reports >"$work/sandbox.out" 2>"$work/sandbox.err" || status=$?
  tail -n 3 "$work/sandbox.out" >&2
  expect_exit 0 "$status" "entrypoint 'sandbox' (see $work/sandbox.out and .err)"
  [[ -s "$reports/summary.json" ]] || fail "sandbox wrote no /reports/summary.json"
  ls "$reports"/junit/*.xml >/dev/null || fail "sandbox wrote no JUnit XML under /reports/junit"

  status=0
  "${run[@]}" "${command[@]}" sandbox --no-keycloak --fault password-drift --reports-dir /reports \
    >"$work/sandbox-fault.out" 2>"$work/sandbox-fault.err" || status=$?
  tail -n 3 "$work/sandbox-fault.out" >&2
  expect_exit 1 "$status" "entrypoint 'sandbox --fault password-drift' (see $work/sandbox-fault.out)"
}

# Runs the entrypoint in the image's root filesystem bind-mounted read-only, in a private mount namespace, with
# only /tmp and /reports writable and the image's numeric user, as a pod with readOnlyRootFilesystem runs it.
# Like the kubelet, it provides /dev/termination-log as a writable file and reads the verdict from it afterwards.
verify_read_only_root() {
  local container mountpoint reports tmp termination status
  mapfile -t command < <(entrypoint)
  reports="$(mktemp -d "$work/reports-ro.XXXXXX")"
  tmp="$(mktemp -d "$work/tmp-ro.XXXXXX")"
  termination="$work/termination-log"
  : >"$termination"
  chmod 0666 "$termination"
  chown "$image_user:$image_user" "$reports" "$tmp"
  container="$("${buildah[@]}" from --pull-never "$image")"
  containers+=("$container")
  mountpoint="$("${buildah[@]}" mount "$container")"

  status=0
  unshare --mount --fork /bin/bash -euo pipefail -c '
    rootfs="$1" reports="$2" tmp="$3" user="$4" termination="$5"; shift 5
    mount --make-rprivate /
    mount --bind "$rootfs" "$rootfs"
    mount -o remount,bind,ro "$rootfs"
    mount --bind "$reports" "$rootfs/reports"
    mount --bind "$tmp" "$rootfs/tmp"
    mount -t proc proc "$rootfs/proc"
    mount -t tmpfs -o mode=0755,nosuid tmpfs "$rootfs/dev"
    for device in null zero full random urandom tty; do
      touch "$rootfs/dev/$device"
      mount --bind "/dev/$device" "$rootfs/dev/$device"
    done
    mkdir "$rootfs/dev/shm"
    mount -t tmpfs -o mode=1777,nosuid,nodev,size=64m tmpfs "$rootfs/dev/shm"
    touch "$rootfs/dev/termination-log"
    mount --bind "$termination" "$rootfs/dev/termination-log"
    if chroot "$rootfs" /bin/sh -c "touch /probe" 2>/dev/null; then
      echo "the root filesystem is writable" >&2; exit 97
    fi
    cd "$rootfs/reports"
    exec chroot --userspec="$user:$user" "$rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 \
      /bin/sh -c "cd /reports && exec \"\$@\"" entrypoint "$@"
  ' read-only-root "$mountpoint" "$reports" "$tmp" "$image_user" "$termination" \
    "${command[@]}" sandbox --no-keycloak --reports-dir /reports \
    >"$work/sandbox-ro.out" 2>"$work/sandbox-ro.err" || status=$?
  tail -n 3 "$work/sandbox-ro.out" >&2
  expect_exit 0 "$status" "entrypoint 'sandbox' on a read-only root (see $work/sandbox-ro.out and .err)"
  [[ -s "$reports/summary.json" ]] || fail "read-only sandbox run wrote no /reports/summary.json"
  head -n 1 "$termination" | grep '^catalog-smoke PASSED (exit code 0)' >&2 \
    || fail "the termination message does not start with the passing verdict; see $termination"
}

# Removes the folders of earlier verification runs, because the embedded PostgreSQL leaves about 60 MB in each.
clean_runs() {
  rm -rf "$work"/reports.* "$work"/tmp.* "$work"/reports-ro.* "$work"/tmp-ro.*
}

main() {
  local step="${1:-all}"
  require_tools
  mkdir -p "$work"
  local started=$SECONDS
  case "$step" in
    build) build_jar; build_base; build_image ;;
    verify) clean_runs; verify_with_buildah_run; verify_read_only_root ;;
    all) build_jar; build_base; build_image; clean_runs; verify_with_buildah_run; verify_read_only_root ;;
    *) fail "unknown step '$step'; expected build, verify or all" ;;
  esac
  log "step '$step' done in $((SECONDS - started))s"
}

main "$@"
