#!/usr/bin/env bash
# Builds the image of Évil "quoted" 'single' $(rm -rf /) `uname` ../../etc/passwd second line ✓ 🚀 \ back gopher with Cloud Build and deploys it to Cloud Run from service.yaml.
# Usage: PROJECT_ID=my-project SOURCE_DIR=path/to/app ./deploy.sh
# SOURCE_DIR is the application's source folder, holding this Dockerfile (default: this folder).
set -euo pipefail
cd "$(dirname "$0")"

PROJECT_ID="${PROJECT_ID:?Set PROJECT_ID to your Google Cloud project id}"
REGION="${REGION:-us-central1}"
SOURCE_DIR="${SOURCE_DIR:-.}"
REPOSITORY="${REPOSITORY:-cloud-run}"
SERVICE='evil-quoted-gopher'
IMAGE="${REGION}-docker.pkg.dev/${PROJECT_ID}/${REPOSITORY}/${SERVICE}:latest"

gcloud services enable run.googleapis.com cloudbuild.googleapis.com artifactregistry.googleapis.com secretmanager.googleapis.com --project "$PROJECT_ID"
if ! gcloud artifacts repositories describe "$REPOSITORY" --location "$REGION" --project "$PROJECT_ID" >/dev/null 2>&1; then
  gcloud artifacts repositories create "$REPOSITORY" --repository-format docker --location "$REGION" --project "$PROJECT_ID"
fi
if [ -f "$SOURCE_DIR/Dockerfile" ]; then
  gcloud builds submit "$SOURCE_DIR" --tag "$IMAGE" --project "$PROJECT_ID"
else
  gcloud builds submit "$SOURCE_DIR" --pack "image=$IMAGE" --project "$PROJECT_ID"
fi

NUMBER="$(gcloud projects describe "$PROJECT_ID" --format 'value(projectNumber)')"
manifest="$(mktemp)"
trap 'rm -f "$manifest"' EXIT
sed "s|image: \".*\"|image: \"${IMAGE}\"|" service.yaml > "$manifest"
gcloud run services replace "$manifest" --region "$REGION" --project "$PROJECT_ID"
URL="$(gcloud run services describe "$SERVICE" --region "$REGION" --project "$PROJECT_ID" --format 'value(status.url)')"
URL="${URL:-https://${SERVICE}-${NUMBER}.${REGION}.run.app}"
echo "evil-quoted-gopher is at $URL"
