// The deployment-bundle exporter: golden bundles of every option of the five examples and of a
// project of hostile names (byte for byte; the real tools check the same files in
// tests/export, see check-goldens.sh), what each example's document asks of its bundle, the
// notes that make sure nothing is dropped silently, the quoting helpers, and the writers (atomic
// folder, deterministic zip).
//
// STACKPLAN_UPDATE_GOLDEN=1 rewrites tests/data/bundles from the current exporter; review the
// diff before committing it.
#include "export/bundle.h"
#include "export/text.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

using namespace stackplan;
using namespace stackplan::exporter;

namespace {

const Catalogue &catalogue()
{
    static const Catalogue c = Catalogue::standard({}, false);
    return c;
}

const QString kGolden = QStringLiteral(STACKPLAN_TEST_DATA "/bundles");

struct Source {
    QString name; // folder under tests/data/bundles
    QString path;
};

QList<Source> sources()
{
    QList<Source> out;
    const QDir examples(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples"));
    for (const QString &f : examples.entryList({QStringLiteral("*.stackplan.json")}, QDir::Files, QDir::Name))
        out.append({f.chopped(int(sizeof(".stackplan.json")) - 1), examples.filePath(f)});
    out.append({QStringLiteral("hostile"), QStringLiteral(STACKPLAN_TEST_DATA "/export/hostile.stackplan.json")});
    return out;
}

Project load(const QString &path)
{
    ProjectLoad l = loadProjectFile(path);
    if (!l.ok())
        qFatal("%s", qPrintable(l.error.toString()));
    return *l.project;
}

Bundle bundleOf(const QString &file, const QString &option)
{
    const Project p = load(file);
    return makeBundle(p, *p.option(option), catalogue());
}

QString text(const Bundle &b, const QString &path)
{
    const auto it = b.files.find(path);
    return it == b.files.end() ? QString() : QString::fromUtf8(it->second);
}

QStringList paths(const Bundle &b)
{
    QStringList out;
    for (const auto &[p, bytes] : b.files)
        out << p;
    return out;
}

QStringList goldenFiles(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void goldenBundles_data();
    void goldenBundles();
    void sameProjectSameBytes();
    void starterReproducesTheDocument();
    void starterMonolithIsNginxInFrontOfFastApi();
    void allogatorHybridIsTheDocumentsCloudRunDeployment();
    void inkcrePythonWorker();
    void flrtsAfterBindsEverythingToTheRouter();
    void websocketsProxyOptions();
    void nothingIsDroppedSilently_data();
    void nothingIsDroppedSilently();
    void hostileNamesStayInert();
    void emittedFormatsParse_data();
    void emittedFormatsParse();
    void quotingHelpers();
    void cronAndRouteParsing();
    void writeRefusesANonEmptyFolderAndLeavesNoHalfBundle();
    void zipIsDeterministicAndComplete();
};

void TestExport::goldenBundles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("golden");
    for (const Source &s : sources())
        for (const Option &o : load(s.path).options)
            QTest::newRow(qPrintable(s.name + QLatin1Char('/') + o.id))
                << s.path << o.id << kGolden + QLatin1Char('/') + s.name + QLatin1Char('/') + o.id;
}

void TestExport::goldenBundles()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    QFETCH(QString, golden);
    const Bundle b = bundleOf(file, option);
    QVERIFY(b.hasTargets);
    if (qEnvironmentVariableIsSet("STACKPLAN_UPDATE_GOLDEN")) {
        QDir(golden).removeRecursively();
        QString error;
        QVERIFY2(writeBundles({b}, golden, true, &error), qPrintable(error));
    }
    QCOMPARE(goldenFiles(golden), paths(b));
    for (const auto &[path, bytes] : b.files) {
        QFile f(golden + QLatin1Char('/') + path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray expected = f.readAll();
        if (expected != bytes) {
            // Show the first differing line.
            const QList<QByteArray> a = expected.split('\n'), c = bytes.split('\n');
            for (int i = 0; i < std::min(a.size(), c.size()); ++i)
                if (a[i] != c[i])
                    QFAIL(qPrintable(QStringLiteral("%1:%2: golden \"%3\", now \"%4\"")
                                         .arg(path)
                                         .arg(i + 1)
                                         .arg(QString::fromUtf8(a[i]), QString::fromUtf8(c[i]))));
            QFAIL(qPrintable(path + QStringLiteral(": golden and export differ in length")));
        }
        QCOMPARE(QFileInfo(f).isExecutable(), b.executables.contains(path));
    }
}

void TestExport::sameProjectSameBytes()
{
    for (const Source &s : sources()) {
        const Project p = load(s.path);
        for (const Option &o : p.options) {
            const Bundle a = makeBundle(p, o, catalogue());
            const Bundle b = makeBundle(p, o, catalogue());
            QCOMPARE(a.files, b.files);
            QCOMPARE(a.notes, b.notes);
        }
    }
}

void TestExport::starterReproducesTheDocument()
{
    const QString file = QStringLiteral(STACKPLAN_SOURCE_DIR
                                        "/resources/examples/cloudflare-containers-starter.stackplan.json");
    const Bundle b = bundleOf(file, QStringLiteral("cloudflare-containers"));
    QCOMPARE(paths(b), QStringList({".env.example", "DEPLOY.md", "router/api/Dockerfile",
                                    "router/api/requirements.txt", "router/package.json",
                                    "router/src/index.ts", "router/tsconfig.json",
                                    "router/wrangler.toml"}));
    const toml::table t = toml::parse(text(b, QStringLiteral("router/wrangler.toml")).toStdString());
    QCOMPARE(QString::fromStdString(*t["main"].value<std::string>()), QStringLiteral("src/index.ts"));
    QCOMPARE(QString::fromStdString(*t["assets"]["directory"].value<std::string>()), QStringLiteral("./public"));
    QCOMPARE(QString::fromStdString(*t["assets"]["binding"].value<std::string>()), QStringLiteral("ASSETS"));
    const toml::array &first = *t["assets"]["run_worker_first"].as_array();
    QCOMPARE(first.size(), size_t(4));
    QCOMPARE(QString::fromStdString(*first[0].value<std::string>()), QStringLiteral("/stream"));
    QCOMPARE(QString::fromStdString(*first[2].value<std::string>()), QStringLiteral("/env"));
    QCOMPARE(*t["containers"][0]["max_instances"].value<int64_t>(), 3);
    QCOMPARE(QString::fromStdString(*t["containers"][0]["class_name"].value<std::string>()), QStringLiteral("Api"));
    QCOMPARE(QString::fromStdString(*t["containers"][0]["image"].value<std::string>()), QStringLiteral("./api/Dockerfile"));
    QCOMPARE(QString::fromStdString(*t["containers"][0]["instance_type"].value<std::string>()), QStringLiteral("basic"));
    QCOMPARE(QString::fromStdString(*t["durable_objects"]["bindings"][0]["class_name"].value<std::string>()), QStringLiteral("Api"));
    QCOMPARE(QString::fromStdString(*t["migrations"][0]["new_sqlite_classes"][0].value<std::string>()), QStringLiteral("Api"));
    const QString ts = text(b, QStringLiteral("router/src/index.ts"));
    QVERIFY(ts.contains(QStringLiteral("export class Api extends Container<Env> {\n  defaultPort = 30001;")));
    QVERIFY(ts.contains(QStringLiteral("[\"/stream\", async (request, env) =>")));
    QVERIFY(ts.contains(QStringLiteral("[\"/env\", async (request, env) =>")));
    QVERIFY(ts.contains(QStringLiteral("(await getRandom(env.API, 3)).fetch(request)")));
    QVERIFY(ts.contains(QStringLiteral("return env.ASSETS.fetch(request);")));
    const QString docker = text(b, QStringLiteral("router/api/Dockerfile"));
    QVERIFY(docker.contains(QStringLiteral("FROM python:3.11-slim\n")));
    QVERIFY(docker.contains(QStringLiteral("EXPOSE 30001\n")));
    QVERIFY(docker.contains(QStringLiteral("USER app\n")));
    QVERIFY(docker.contains(
        QStringLiteral("CMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"30001\"]\n")));
    QCOMPARE(text(b, QStringLiteral("router/api/requirements.txt")), QStringLiteral("fastapi\nuvicorn\nhttpx\n"));
}

void TestExport::starterMonolithIsNginxInFrontOfFastApi()
{
    const QString file = QStringLiteral(STACKPLAN_SOURCE_DIR
                                        "/resources/examples/cloudflare-containers-starter.stackplan.json");
    const Bundle b = bundleOf(file, QStringLiteral("monolith"));
    QCOMPARE(paths(b), QStringList({".env.example", "DEPLOY.md", "docker-compose.yml",
                                    "monolith/Dockerfile", "monolith/fly.toml",
                                    "monolith/nginx.conf", "monolith/requirements.txt",
                                    "monolith/start.sh"}));
    const QString nginx = text(b, QStringLiteral("monolith/nginx.conf"));
    QVERIFY(nginx.contains(QStringLiteral("        listen 80;\n")));
    QCOMPARE(nginx.count(QStringLiteral("proxy_pass http://127.0.0.1:30001;")), 4); // = and ^~ per route
    QVERIFY(nginx.contains(QStringLiteral("location = /stream {")));
    QVERIFY(nginx.contains(QStringLiteral("location ^~ /env/ {")));
    QVERIFY(nginx.contains(QStringLiteral("try_files $uri $uri/ /index.html;")));
    QVERIFY(text(b, QStringLiteral("monolith/start.sh"))
                .endsWith(QStringLiteral("nginx\nexec 'uvicorn' 'main:app' '--host' '127.0.0.1' "
                                         "'--port' '30001'\n")));
    QVERIFY(b.executables.contains(QStringLiteral("monolith/start.sh")));
    const YAML::Node compose = YAML::Load(text(b, QStringLiteral("docker-compose.yml")).toStdString());
    QCOMPARE(QString::fromStdString(compose["services"]["monolith"]["build"].as<std::string>()),
             QStringLiteral("./monolith"));
    QCOMPARE(QString::fromStdString(compose["services"]["monolith"]["ports"][0].as<std::string>()),
             QStringLiteral("80:80"));
    const toml::table fly = toml::parse(text(b, QStringLiteral("monolith/fly.toml")).toStdString());
    QCOMPARE(*fly["http_service"]["internal_port"].value<int64_t>(), 80);
    QCOMPARE(*fly["http_service"]["min_machines_running"].value<int64_t>(), 1);
    QCOMPARE(QString::fromStdString(*fly["vm"][0]["size"].value<std::string>()), QStringLiteral("shared-cpu-1x"));
    QCOMPARE(QString::fromStdString(*fly["vm"][0]["memory"].value<std::string>()), QStringLiteral("1gb"));
}

void TestExport::allogatorHybridIsTheDocumentsCloudRunDeployment()
{
    const Bundle b = bundleOf(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"),
                              QStringLiteral("hybrid"));
    const QString docker = text(b, QStringLiteral("backend/Dockerfile"));
    QVERIFY(docker.contains(QStringLiteral("FROM python:3.11-slim\n")));
    QVERIFY(docker.contains(QStringLiteral(
        "CMD [\"uvicorn\", \"main_api:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8080\"]\n")));
    const QString sh = text(b, QStringLiteral("backend/deploy.sh"));
    QVERIFY(sh.contains(QStringLiteral("REGION=\"${REGION:-us-central1}\"\n")));
    QVERIFY(sh.contains(QStringLiteral("gcloud builds submit \"$SOURCE_DIR\" --tag \"$IMAGE\"")));
    QVERIFY(sh.contains(QStringLiteral("gcloud run services replace \"$manifest\" --region \"$REGION\"")));
    QVERIFY(sh.contains(QStringLiteral("SECRETS=('DATABASE_URL' 'GEMINI_API_KEY' 'GROQ_API_KEY' "
                                       "'ANTHROPIC_API_KEY' 'TAVILY_API_KEY' 'JWT_SECRET')\n")));
    QVERIFY(b.executables.contains(QStringLiteral("backend/deploy.sh")));
    const YAML::Node svc = YAML::Load(text(b, QStringLiteral("backend/service.yaml")).toStdString());
    QCOMPARE(svc["apiVersion"].as<std::string>(), std::string("serving.knative.dev/v1"));
    QCOMPARE(svc["metadata"]["name"].as<std::string>(), std::string("allogator-backend"));
    const YAML::Node container = svc["spec"]["template"]["spec"]["containers"][0];
    QCOMPARE(container["ports"][0]["containerPort"].as<int>(), 8080);
    QStringList secretNames;
    QString cors;
    for (const auto &e : container["env"]) {
        if (e["valueFrom"])
            secretNames << QString::fromStdString(e["valueFrom"]["secretKeyRef"]["name"].as<std::string>());
        else if (e["name"].as<std::string>() == "CORS_ORIGINS")
            cors = QString::fromStdString(e["value"].as<std::string>());
    }
    QCOMPARE(secretNames, QStringList({"DATABASE_URL", "GEMINI_API_KEY", "GROQ_API_KEY",
                                       "ANTHROPIC_API_KEY", "TAVILY_API_KEY", "JWT_SECRET"}));
    QCOMPARE(cors, QStringLiteral("https://allogator.ai"));
    QVERIFY(text(b, QStringLiteral(".env.example")).contains(QStringLiteral("# secret\nDATABASE_URL=\n")));
    QVERIFY(text(b, QStringLiteral(".env.example")).contains(QStringLiteral("\nCORS_ORIGINS=https://allogator.ai\n")));
    const toml::table front = toml::parse(text(b, QStringLiteral("frontend/wrangler.toml")).toStdString());
    QCOMPARE(QString::fromStdString(*front["routes"][0]["pattern"].value<std::string>()), QStringLiteral("allogator.ai"));
    QVERIFY(!front["main"]); // assets only
    QVERIFY(text(b, QStringLiteral("DEPLOY.md"))
                .contains(QStringLiteral("`gcloud beta run domain-mappings create --service "
                                         "allogator-backend --domain api.allogator.ai --region "
                                         "us-central1`")));
}

void TestExport::inkcrePythonWorker()
{
    const Bundle b = bundleOf(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/inkcre-python-workers.stackplan.json"),
                              QStringLiteral("python-workers"));
    const toml::table t = toml::parse(text(b, QStringLiteral("core/wrangler.toml")).toStdString());
    QCOMPARE(QString::fromStdString(*t["main"].value<std::string>()), QStringLiteral("src/worker.py"));
    QCOMPARE(QString::fromStdString(*t["compatibility_flags"][0].value<std::string>()), QStringLiteral("python_workers"));
    QCOMPARE(QString::fromStdString(*t["hyperdrive"][0]["binding"].value<std::string>()), QStringLiteral("HYPERDRIVE"));
    QCOMPARE(QString::fromStdString(*t["kv_namespaces"][0]["binding"].value<std::string>()), QStringLiteral("KV"));
    QCOMPARE(QString::fromStdString(*t["ai"]["binding"].value<std::string>()), QStringLiteral("WORKERS_AI"));
    QCOMPARE(QString::fromStdString(*t["triggers"]["crons"][0].value<std::string>()), QStringLiteral("0 * * * *"));
    const QString py = text(b, QStringLiteral("core/src/worker.py"));
    QVERIFY(py.contains(QStringLiteral("class Default(WorkerEntrypoint):")));
    QVERIFY(py.contains(QStringLiteral("return await asgi.fetch(app, request.js_object, self.env)")));
    QVERIFY(py.contains(QStringLiteral("if controller.cron == \"0 * * * *\":")));
    const toml::table pyproject = toml::parse(text(b, QStringLiteral("core/pyproject.toml")).toStdString());
    QStringList deps;
    for (const auto &d : *pyproject["project"]["dependencies"].as_array())
        deps << QString::fromStdString(*d.value<std::string>());
    // The document's requirements-worker.txt: no uvicorn, no apscheduler, no psycopg2-binary;
    // numpy stays (Pyodide bundles it).
    QCOMPARE(deps, QStringList({"fastapi", "sqlalchemy", "alembic", "numpy", "pgvector", "httpx",
                                "tencentcloud-sdk-python-lke", "pydantic"}));
    bool leftOut = false;
    for (const BundleNote &n : b.notes)
        leftOut = leftOut || (n.kind == BundleNote::Kind::Gap && n.text.startsWith(QStringLiteral("package psycopg2-binary is left out")));
    QVERIFY(leftOut);
}

void TestExport::flrtsAfterBindsEverythingToTheRouter()
{
    const Bundle b = bundleOf(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/flrts-cloudflare-migration.stackplan.json"),
                              QStringLiteral("after"));
    const toml::table t = toml::parse(text(b, QStringLiteral("router/wrangler.toml")).toStdString());
    QCOMPARE(QString::fromStdString(*t["containers"][0]["instance_type"].value<std::string>()), QStringLiteral("standard-1"));
    QCOMPARE(QString::fromStdString(*t["kv_namespaces"][0]["binding"].value<std::string>()), QStringLiteral("KV"));
    QCOMPARE(QString::fromStdString(*t["r2_buckets"][0]["bucket_name"].value<std::string>()), QStringLiteral("flrts-brainbot-media"));
    QCOMPARE(QString::fromStdString(*t["vectorize"][0]["index_name"].value<std::string>()), QStringLiteral("flrts-brainbot-vector"));
    const QString ts = text(b, QStringLiteral("router/src/index.ts"));
    QVERIFY(ts.contains(QStringLiteral("[\"/webhook\", async (request, env) =>")));
    const toml::table pages = toml::parse(text(b, QStringLiteral("mini-app/wrangler.toml")).toStdString());
    QCOMPARE(QString::fromStdString(*pages["pages_build_output_dir"].value<std::string>()), QStringLiteral("./dist"));
    const QString md = text(b, QStringLiteral("DEPLOY.md"));
    QVERIFY(md.contains(QStringLiteral("Register the public URL of Webhook Worker + `/webhook` as the webhook of Telegram Bot API.")));
    QVERIFY(md.contains(QStringLiteral("`npx wrangler vectorize create flrts-brainbot-vector --dimensions=1536 --metric=cosine`")));
}

void TestExport::websocketsProxyOptions()
{
    const QString file = QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/fastapi-websockets-baml.stackplan.json");
    const QMap<QString, QString> platformFile = {{"proxy-railway", "backend/railway.json"},
                                                 {"proxy-render", "render.yaml"},
                                                 {"proxy-fly", "backend/fly.toml"}};
    for (auto it = platformFile.begin(); it != platformFile.end(); ++it) {
        const Bundle b = bundleOf(file, it.key());
        QVERIFY2(b.files.count(it.value()), qPrintable(it.key()));
        QVERIFY(b.files.count(QStringLiteral("backend/Dockerfile")));
        const QString ts = text(b, QStringLiteral("proxy/src/index.ts"));
        QVERIFY2(ts.contains(QStringLiteral("[\"/api/*\", (request, env) => forward(request, env.BACKEND_URL)],")), qPrintable(it.key()));
        const toml::table t = toml::parse(text(b, QStringLiteral("proxy/wrangler.toml")).toStdString());
        const QString url = QString::fromStdString(*t["vars"]["BACKEND_URL"].value<std::string>());
        QCOMPARE(url, it.key() == QLatin1String("proxy-fly") ? QStringLiteral("https://fastapi-websockets-backend.fly.dev")
                      : it.key() == QLatin1String("proxy-render") ? QStringLiteral("https://fastapi-websockets-backend.onrender.com")
                                                                   : QString());
    }
}

void TestExport::nothingIsDroppedSilently_data()
{
    goldenBundles_data();
}

void TestExport::nothingIsDroppedSilently()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    const Project p = load(file);
    const Option &o = *p.option(option);
    const Bundle b = makeBundle(p, o, catalogue());
    const QString md = text(b, QStringLiteral("DEPLOY.md"));
    QStringList gapSubjects;
    for (const BundleNote &n : b.notes) {
        if (n.kind == BundleNote::Kind::Gap) {
            gapSubjects << n.subject;
            QVERIFY2(md.contains(markdown(n.text)), qPrintable(n.text));
        }
    }
    // Every connection is in the table, each with how the bundle carries it or "not exported"
    // and a gap row.
    const int table = int(md.indexOf(QStringLiteral("## Connections")));
    const int tableEnd = int(md.indexOf(QStringLiteral("## Environment")));
    const QStringList rows = md.mid(table, tableEnd - table).split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^\\| (?!From|---)")));
    QCOMPARE(rows.size(), std::max<qsizetype>(1, qsizetype(o.connections.size())));
    for (const Connection &c : o.connections) {
        const bool unexported = std::any_of(rows.begin(), rows.end(), [](const QString &r) {
            return r.contains(QStringLiteral("not exported (see below)"));
        });
        if (unexported)
            QVERIFY(!gapSubjects.isEmpty());
        Q_UNUSED(c);
    }
    // A component without a target (other than the users and third-party APIs) is a gap.
    for (const Component &c : o.components) {
        const Profile *pr = c.binding.isBound() ? catalogue().profile(c.binding.profile) : nullptr;
        if (c.role == Role::Client || (pr && pr->deploy) || (!pr && c.role == Role::ExternalApi))
            continue;
        QVERIFY2(gapSubjects.contains(c.id), qPrintable(c.id));
    }
    QVERIFY(md.contains(QStringLiteral("## Open problems")));
    QVERIFY(md.indexOf(QStringLiteral("## Open problems")) < md.indexOf(QStringLiteral("## Files")));
}

void TestExport::hostileNamesStayInert()
{
    const Project p = load(QStringLiteral(STACKPLAN_TEST_DATA "/export/hostile.stackplan.json"));
    for (const Option &o : p.options) {
        const Bundle b = makeBundle(p, o, catalogue());
        for (const auto &[path, bytes] : b.files) {
            const QString t = QString::fromUtf8(bytes);
            // Names reach comments on one line only: no raw newline after the "second line"
            // part of the name, and no command substitution outside a quoted context in scripts.
            QVERIFY2(!t.contains(QStringLiteral("passwd\nsecond line")), qPrintable(path));
            if (path.endsWith(QLatin1String(".sh")))
                for (const QString &line : t.split(QLatin1Char('\n')))
                    if (!line.startsWith(QLatin1Char('#')))
                        QVERIFY2(!line.contains(QStringLiteral("$(rm")) && !line.contains(QStringLiteral("`uname`")),
                                 qPrintable(path + QStringLiteral(": ") + line));
        }
        // Resource names follow the platforms' naming rules.
        for (const auto &[path, bytes] : b.files) {
            if (!path.endsWith(QLatin1String("wrangler.toml")))
                continue;
            const toml::table t = toml::parse(bytes.toStdString());
            const QString name = QString::fromStdString(*t["name"].value<std::string>());
            QVERIFY2(QRegularExpression(QStringLiteral("^[a-z][a-z0-9-]*[a-z0-9]$")).match(name).hasMatch(), qPrintable(name));
        }
    }
    const Bundle edge = makeBundle(p, *p.option(QStringLiteral("edge")), catalogue());
    const QString reqs = text(edge, QStringLiteral("router/api/requirements.txt"));
    QCOMPARE(reqs, QStringLiteral("fastapi\npydantic>=2\nuvicorn\n")); // no pip option, no marker injection
    const QString docker = text(edge, QStringLiteral("router/api/Dockerfile"));
    QVERIFY(docker.contains(QStringLiteral(
        "CMD [\"sh\", \"-c\", \"uvicorn main:app --host 0.0.0.0 --port 8080; echo \\\"$(id)\\\" `date`\"]\n")));
    QVERIFY(text(edge, QStringLiteral(".env.example")).contains(QStringLiteral("# secret\nWHOAMI=\n")));
}

void TestExport::emittedFormatsParse_data()
{
    goldenBundles_data();
}

void TestExport::emittedFormatsParse()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    const Bundle b = bundleOf(file, option);
    for (const auto &[path, bytes] : b.files) {
        const std::string s = bytes.toStdString();
        if (path.endsWith(QLatin1String(".toml"))) {
            try {
                (void)toml::parse(s);
            } catch (const toml::parse_error &e) {
                QFAIL(qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(e.what())));
            }
        } else if (path.endsWith(QLatin1String(".yaml")) || path.endsWith(QLatin1String(".yml"))) {
            try {
                (void)YAML::Load(s);
            } catch (const YAML::Exception &e) {
                QFAIL(qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(e.what())));
            }
        } else if (path.endsWith(QLatin1String(".json"))) {
            QVERIFY2(nlohmann::json::accept(s), qPrintable(path));
        } else if (path.endsWith(QLatin1String("Dockerfile"))) {
            // An exec-form CMD must be a JSON array, or Docker silently runs it through a shell.
            for (const QString &line : QString::fromUtf8(bytes).split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("CMD [")))
                    QVERIFY2(nlohmann::json::accept(line.mid(4).toStdString()), qPrintable(line));
        }
        QVERIFY2(bytes.endsWith('\n'), qPrintable(path));
    }
}

void TestExport::quotingHelpers()
{
    QCOMPARE(shellWord(QStringLiteral("it's $(x)")), QStringLiteral("'it'\\''s $(x)'"));
    QCOMPARE(codeString(QStringLiteral("a\"b\\c\n✓😀")), QStringLiteral("\"a\\\"b\\\\c\\n\\u2713\\ud83d\\ude00\""));
    QCOMPARE(pythonString(QStringLiteral("😀")), QStringLiteral("\"\\U0001f600\""));
    QCOMPARE(commentText(QStringLiteral("a\nb\u2028c */ d")), QStringLiteral("a b c * / d"));
    QCOMPARE(markdown(QStringLiteral("a|b *c* `d`")), QStringLiteral("a\\|b \\*c\\* \\`d\\`"));
    QCOMPARE(dnsName(QStringLiteral("9 Lives Café!")), QStringLiteral("a-9-lives-cafe"));
    QCOMPARE(dnsName(QStringLiteral("$(rm)")), QStringLiteral("rm"));
    QCOMPARE(upperSnake(QStringLiteral("database url")), QStringLiteral("DATABASE_URL"));
    QCOMPARE(upperSnake(QStringLiteral("1st-key")), QStringLiteral("_1ST_KEY"));
    QCOMPARE(pascalCase(QStringLiteral("fastapi-backend")), QStringLiteral("FastapiBackend"));
    QCOMPARE(pascalCase(QStringLiteral("42")), QStringLiteral("Service42"));
    QVERIFY(isEnvName(QStringLiteral("A_1")));
    QVERIFY(!isEnvName(QStringLiteral("1A")));
    QCOMPARE(commandWords(QStringLiteral("uvicorn 'main:app' --port \"8 0\"")),
             std::optional<QStringList>({"uvicorn", "main:app", "--port", "8 0"}));
    QCOMPARE(commandWords(QStringLiteral("uvicorn main:app; rm -rf /")), std::nullopt);
    QCOMPARE(commandWords(QStringLiteral("PORT=1 node x")), std::nullopt);
    QCOMPARE(commandWords(QStringLiteral("echo \"$HOME\"")), std::nullopt);
    QCOMPARE(commandPort(QStringLiteral("gunicorn --bind 0.0.0.0:9000 app:app")), std::optional<int>(9000));
    QCOMPARE(commandPort(QStringLiteral("uvicorn main:app --port=30001")), std::optional<int>(30001));
    QCOMPARE(commandPort(QStringLiteral("npm start")), std::nullopt);
    QCOMPARE(asgiTarget(QStringLiteral("uvicorn pkg.mod:application --port 1")), QStringLiteral("pkg.mod:application"));
    QCOMPARE(asgiTarget(QStringLiteral("python run.py")), QString());
    const QByteArray yaml = toYaml({{"on", "yes"}, {"ports", {"22:22"}}, {"n", 0755}, {"empty", ojson::array()}});
    QCOMPARE(yaml, QByteArray("\"on\": \"yes\"\nports:\n  - \"22:22\"\n\"n\": 493\nempty: []\n"));
}

void TestExport::cronAndRouteParsing()
{
    const auto job = parseCronJob(QStringLiteral("0 3 * * MON-FRI nightly cleanup POST /jobs/cleanup"));
    QVERIFY(job);
    QCOMPARE(job->schedule, QStringLiteral("0 3 * * MON-FRI"));
    QCOMPARE(job->description, QStringLiteral("nightly cleanup POST /jobs/cleanup"));
    QCOMPARE(job->path, QStringLiteral("/jobs/cleanup"));
    QVERIFY(parseCronJob(QStringLiteral("*/15 * * * *")));
    QVERIFY(!parseCronJob(QStringLiteral("61 * * * * x")));
    QVERIFY(!parseCronJob(QStringLiteral("0 24 * * *")));
    QVERIFY(!parseCronJob(QStringLiteral("every day at noon")));
    QVERIFY(!parseCronJob(QStringLiteral("0 3 * * FUNDAY")));
    const auto api = parseRoute(QStringLiteral("/api/*"));
    QVERIFY(api && !api->exact);
    QCOMPARE(api->prefix, QStringLiteral("/api/"));
    QCOMPARE(api->glob, QStringLiteral("/api/*"));
    const auto item = parseRoute(QStringLiteral("/items/{id}/edit"));
    QVERIFY(item && item->exact && item->hasParams);
    QCOMPARE(item->glob, QStringLiteral("/items/*/edit"));
    QVERIFY(!parseRoute(QStringLiteral("/api/$(x)")));
    QVERIFY(!parseRoute(QStringLiteral("/../etc")));
    QVERIFY(!parseRoute(QStringLiteral("api")));
    QVERIFY(!parseRoute(QStringLiteral("/a b")));
}

void TestExport::writeRefusesANonEmptyFolderAndLeavesNoHalfBundle()
{
    const Bundle b = bundleOf(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"),
                              QStringLiteral("hybrid"));
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("out"));
    QString error;
    QVERIFY2(writeBundles({b}, out, false, &error), qPrintable(error));
    QCOMPARE(goldenFiles(out), paths(b));
    QVERIFY(QFileInfo(out + QStringLiteral("/backend/deploy.sh")).isExecutable());
    QVERIFY(!QFileInfo(out + QStringLiteral("/backend/Dockerfile")).isExecutable());
    // Non-empty: refused, nothing touched.
    QFile marker(out + QStringLiteral("/mine.txt"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write("keep");
    marker.close();
    QVERIFY(!writeBundles({b}, out, false, &error));
    QCOMPARE(error, out + QStringLiteral(" is not empty (use --force to replace its content)"));
    QVERIFY(QFile::exists(out + QStringLiteral("/mine.txt")));
    // --force replaces the content.
    QVERIFY(writeBundles({b}, out, true, &error));
    QVERIFY(!QFile::exists(out + QStringLiteral("/mine.txt")));
    // A bundle that cannot be written leaves nothing behind: the parent is a file.
    const QString blocked = tmp.filePath(QStringLiteral("file"));
    QFile f(blocked);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(!writeBundles({b}, blocked + QStringLiteral("/out"), false, &error));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList({"file", "out"}));
    // Several options: one folder each.
    const Project p = load(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"));
    std::vector<Bundle> all;
    for (const Option &o : p.options)
        all.push_back(makeBundle(p, o, catalogue()));
    const QString many = tmp.filePath(QStringLiteral("many"));
    QVERIFY(writeBundles(all, many, false, &error));
    QCOMPARE(QDir(many).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
             QStringList({"all-workers", "edge-rewrite", "hybrid"}));
    // An unsafe path is refused before anything is written.
    Bundle evil = b;
    evil.files[QStringLiteral("../escape.txt")] = "x";
    QVERIFY(!writeBundles({evil}, tmp.filePath(QStringLiteral("evil")), false, &error));
    QCOMPARE(error, QStringLiteral("refusing to write the unsafe bundle path \"../escape.txt\""));
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("escape.txt"))));
}

void TestExport::zipIsDeterministicAndComplete()
{
    const Bundle b = bundleOf(QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/cloudflare-containers-starter.stackplan.json"),
                              QStringLiteral("cloudflare-containers"));
    QTemporaryDir tmp;
    QString error;
    const QString a = tmp.filePath(QStringLiteral("a.zip"));
    const QString c = tmp.filePath(QStringLiteral("c.zip"));
    QVERIFY2(writeBundlesZip({b}, a, false, &error), qPrintable(error));
    QTest::qWait(1100); // a time stamp in the archive would now differ
    QVERIFY(writeBundlesZip({b}, c, false, &error));
    QFile fa(a), fc(c);
    QVERIFY(fa.open(QIODevice::ReadOnly) && fc.open(QIODevice::ReadOnly));
    QCOMPARE(fa.readAll(), fc.readAll());
    QVERIFY(!writeBundlesZip({b}, a, false, &error));
    QCOMPARE(error, a + QStringLiteral(" exists (use --force to replace it)"));
    // Read it back: same paths, same bytes, scripts executable.
    archive *r = archive_read_new();
    archive_read_support_format_zip(r);
    QCOMPARE(archive_read_open_filename(r, QFile::encodeName(a).constData(), 10240), ARCHIVE_OK);
    archive_entry *e = nullptr;
    QStringList names;
    while (archive_read_next_header(r, &e) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname(e));
        names << name;
        QByteArray data(qsizetype(archive_entry_size(e)), Qt::Uninitialized);
        QCOMPARE(archive_read_data(r, data.data(), size_t(data.size())), la_ssize_t(data.size()));
        QCOMPARE(data, b.files.at(name));
    }
    archive_read_free(r);
    QCOMPARE(names, paths(b));
}

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
