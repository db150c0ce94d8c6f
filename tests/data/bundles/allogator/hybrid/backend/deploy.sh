#!/usr/bin/env bash
# Builds the image of FastAPI backend with Cloud Build and deploys it to Cloud Run from service.yaml.
# Usage: PROJECT_ID=my-project SOURCE_DIR=path/to/app ./deploy.sh
# SOURCE_DIR is the application's source folder, holding this Dockerfile (default: this folder).
set -euo pipefail
cd "$(dirname "$0")"

PROJECT_ID="${PROJECT_ID:?Set PROJECT_ID to your Google Cloud project id}"
REGION="${REGION:-us-central1}"
SOURCE_DIR="${SOURCE_DIR:-.}"
REPOSITORY="${REPOSITORY:-cloud-run}"
SERVICE='allogator-backend'
IMAGE="${REGION}-docker.pkg.dev/${PROJECT_ID}/${REPOSITORY}/${SERVICE}:latest"

# Secrets the service reads from Secret Manager (values never live in this bundle).
SECRETS=('DATABASE_URL' 'GEMINI_API_KEY' 'GROQ_API_KEY' 'ANTHROPIC_API_KEY' 'TAVILY_API_KEY' 'JWT_SECRET')
for secret in "${SECRETS[@]}"; do
  if ! gcloud secrets describe "$secret" --project "$PROJECT_ID" >/dev/null 2>&1; then
    echo "Create the secret $secret first: printf %s VALUE | gcloud secrets create $secret --data-file=- --project $PROJECT_ID" >&2
    exit 1
  fi
done

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
# The default compute service account runs the service and must read the secrets.
for secret in "${SECRETS[@]}"; do
  gcloud secrets add-iam-policy-binding "$secret" --project "$PROJECT_ID" \
    --member "serviceAccount:${NUMBER}-compute@developer.gserviceaccount.com" \
    --role roles/secretmanager.secretAccessor >/dev/null
done

manifest="$(mktemp)"
trap 'rm -f "$manifest"' EXIT
sed "s|image: \".*\"|image: \"${IMAGE}\"|" service.yaml > "$manifest"
gcloud run services replace "$manifest" --region "$REGION" --project "$PROJECT_ID"
gcloud run services add-iam-policy-binding "$SERVICE" --region "$REGION" --project "$PROJECT_ID" \
  --member allUsers --role roles/run.invoker
URL="$(gcloud run services describe "$SERVICE" --region "$REGION" --project "$PROJECT_ID" --format 'value(status.url)')"
URL="${URL:-https://${SERVICE}-${NUMBER}.${REGION}.run.app}"
echo "allogator-backend is at $URL"
