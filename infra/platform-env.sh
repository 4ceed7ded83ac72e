# Sourced by ./platform and bench/run: the ports of infra/platform.env, where the caller's environment does not set them.
while IFS='=' read -r key value; do
  if [[ "$key" =~ ^[A-Z_]+$ && -z "${!key:-}" ]]; then printf -v "$key" '%s' "$value"; fi
done <"$(dirname "${BASH_SOURCE[0]}")/platform.env"
