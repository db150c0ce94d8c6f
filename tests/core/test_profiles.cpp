// The profile catalogue: every bundled profile loads cleanly; facts match the data sheet
// (../shared/reference/platforms.md); bad profiles get located errors and never stop the others;
// the user folder adds and overrides by id; C++ code names no profile or vendor.
#include "profiles/catalogue.h"
#include "profiles/profilejson.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace stackplan;

namespace {

const Catalogue &bundled()
{
    static const Catalogue c = [] {
        Catalogue cat;
        cat.addBundled();
        cat.finish();
        return cat;
    }();
    return c;
}

const Meter *findMeter(const std::vector<Meter> &meters, const QString &usage)
{
    for (const auto &m : meters)
        if (m.usage == usage)
            return &m;
    return nullptr;
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT
private slots:
    void bundledProfilesLoadWithoutProblems();
    void catalogueCoversTheRequiredPlatforms();
    void factsMatchTheDataSheet_data();
    void factsMatchTheDataSheet();
    void everyFactIsSourcedAndDated();
    void malformedProfilesGiveLocatedErrors_data();
    void malformedProfilesGiveLocatedErrors();
    void oneBadFileDoesNotStopTheOthers();
    void hostileProfileFilesAreRefused();
    void userFolderAddsAndOverridesById();
    void bindingsResolvePlanAndInstanceLimits();
    void staleFactsAreMarked();
    void factsOutsideTheVendorsDomainsSayWhy();
    void vendorDomainsMatchHostsAndPaths_data();
    void vendorDomainsMatchHostsAndPaths();
    void billingKeysAreRead();
    void noProfileIdOrVendorInCppCode();
};

void TestProfiles::bundledProfilesLoadWithoutProblems()
{
    QStringList problems;
    for (const auto &p : bundled().problems())
        problems << p.error.toString();
    QCOMPARE(problems, QStringList());
    QVERIFY(bundled().profiles().size() >= 30);
    for (const auto &p : bundled().profiles())
        QVERIFY2(p.origin == QStringLiteral(":/profiles/%1.toml").arg(p.id), qPrintable(p.origin));
}

void TestProfiles::catalogueCoversTheRequiredPlatforms()
{
    const QStringList required = {"cloudflare-workers",
                                  "cloudflare-python-workers",
                                  "cloudflare-workers-static-assets",
                                  "cloudflare-pages",
                                  "cloudflare-durable-objects",
                                  "cloudflare-containers",
                                  "cloudflare-kv",
                                  "cloudflare-r2",
                                  "cloudflare-d1",
                                  "cloudflare-hyperdrive",
                                  "cloudflare-vectorize",
                                  "cloudflare-queues",
                                  "cloudflare-workers-ai",
                                  "google-cloud-run",
                                  "google-app-engine-standard",
                                  "aws-lambda",
                                  "aws-api-gateway-websocket",
                                  "aws-fargate",
                                  "aws-ec2",
                                  "aws-s3",
                                  "aws-rds-postgresql",
                                  "azure-app-service",
                                  "azure-container-apps",
                                  "azure-functions",
                                  "railway",
                                  "render-web-service",
                                  "render-postgres",
                                  "fly-machines",
                                  "fly-volumes",
                                  "digitalocean-app-platform",
                                  "supabase",
                                  "neon",
                                  "upstash-redis",
                                  "upstash-vector",
                                  "neo4j-aura",
                                  "docker-host"};
    for (const auto &id : required)
        QVERIFY2(bundled().profile(id), qPrintable(id));
}

void TestProfiles::factsMatchTheDataSheet_data()
{
    // One row per fact: profile, plan ("" = profile level), instance, what, key, expected.
    // "limit" = limit value, "max" = configurable maximum, "price"/"included"/"per" = a meter's
    // field (key = usage), "fee"/"credit" = plan amounts, "sla"/"cold" = capabilities.
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("expected");
    auto row = [](const char *name, const char *profile, const char *plan, const char *instance,
                  const char *what, const char *key, double expected) {
        QTest::newRow(name) << QString::fromLatin1(profile) << QString::fromLatin1(plan)
                            << QString::fromLatin1(instance) << QString::fromLatin1(what)
                            << QString::fromLatin1(key) << expected;
    };
    row("Workers free CPU 10 ms", "cloudflare-workers", "free", "", "limit", "cpu_ms", 10);
    row("Workers paid CPU default 30 s", "cloudflare-workers", "paid", "", "limit", "cpu_ms",
        30000);
    row("Workers paid CPU max 5 min", "cloudflare-workers", "paid", "", "max", "cpu_ms", 300000);
    row("Workers memory 128 MB", "cloudflare-workers", "", "", "limit", "memory_mb", 128);
    row("Workers 6 outbound connections", "cloudflare-workers", "", "", "limit",
        "outbound_connections", 6);
    row("Workers size 64 MiB", "cloudflare-workers", "", "", "limit", "artifact_mb", 64);
    row("Workers free 100k requests/day", "cloudflare-workers", "free", "", "limit",
        "daily_requests", 100000);
    row("Workers free 50 subrequests", "cloudflare-workers", "free", "", "limit", "subrequests",
        50);
    row("Workers paid fee $5", "cloudflare-workers", "paid", "", "fee", "", 5);
    row("Workers paid 10M requests included", "cloudflare-workers", "paid", "", "included",
        "requests", 10e6);
    row("Workers paid $0.30 per M requests", "cloudflare-workers", "paid", "", "price", "requests",
        0.30);
    row("Workers paid 30M CPU-ms included", "cloudflare-workers", "paid", "", "included", "cpu-ms",
        30e6);
    row("Workers paid $0.02 per M CPU-ms", "cloudflare-workers", "paid", "", "price", "cpu-ms",
        0.02);
    row("Workers SLA 99.99 (Enterprise only)", "cloudflare-workers", "enterprise", "", "sla", "",
        99.99);
    row("Cloud Run 32 GiB", "google-cloud-run", "", "", "max", "memory_mb", 32768);
    row("Cloud Run timeout 3,600 s", "google-cloud-run", "", "", "max", "request_timeout_s", 3600);
    row("Cloud Run default timeout 300 s", "google-cloud-run", "", "", "limit", "request_timeout_s",
        300);
    row("Cloud Run vCPU-s price", "google-cloud-run", "request-based", "", "price", "vcpu-s",
        0.000024);
    row("Cloud Run 180k vCPU-s free", "google-cloud-run", "request-based", "", "included", "vcpu-s",
        180000);
    row("Cloud Run 360k GiB-s free", "google-cloud-run", "request-based", "", "included", "gib-s",
        360000);
    row("Cloud Run 2M requests free", "google-cloud-run", "request-based", "", "included",
        "requests", 2e6);
    row("Cloud Run SLA 99.95", "google-cloud-run", "", "", "sla", "", 99.95);
    row("Supabase Micro 60 direct connections", "supabase", "pro", "micro", "limit",
        "db_connections", 60);
    row("Supabase Micro 200 pooler clients", "supabase", "pro", "micro", "limit",
        "pooler_connections", 200);
    row("Supabase XL 240 direct connections", "supabase", "pro", "xl", "limit", "db_connections",
        240);
    row("Supabase Micro $0.01344/h", "supabase", "pro", "micro", "price", "instance-hours",
        0.01344);
    row("Supabase Pro fee $25", "supabase", "pro", "", "fee", "", 25);
    row("Supabase Pro $10 compute credits", "supabase", "pro", "", "credit", "", 10);
    row("Supabase free egress 5 GB", "supabase", "free", "", "included", "egress-gb", 5);
    row("Containers standard-1 4 GiB", "cloudflare-containers", "paid", "standard-1", "limit",
        "memory_mb", 4096);
    row("Containers standard-1 1/2 vCPU", "cloudflare-containers", "paid", "standard-1", "limit",
        "vcpu", 0.5);
    row("Containers lite 256 MiB", "cloudflare-containers", "paid", "lite", "limit", "memory_mb",
        256);
    row("Containers memory $0.0000025/GiB-s", "cloudflare-containers", "paid", "", "price", "gib-s",
        0.0000025);
    row("R2 storage $0.015/GB-month", "cloudflare-r2", "standard", "", "price", "gb-month", 0.015);
    row("R2 10 GB free", "cloudflare-r2", "standard", "", "included", "gb-month", 10);
    row("R2 class A $4.50/M", "cloudflare-r2", "standard", "", "price", "class-a-ops", 4.50);
    row("KV paid reads $0.50/M", "cloudflare-kv", "paid", "", "price", "reads", 0.50);
    row("D1 paid storage $0.75/GB", "cloudflare-d1", "paid", "", "price", "gb-month", 0.75);
    row("DO paid requests $0.15/M", "cloudflare-durable-objects", "paid", "", "price", "requests",
        0.15);
    row("Vectorize paid queried dims $0.01/M", "cloudflare-vectorize", "paid", "", "price",
        "queried-vector-dimensions", 0.01);
    row("Workers AI $0.011 per 1,000 neurons", "cloudflare-workers-ai", "paid", "", "price",
        "neurons", 0.011);
    row("Lambda max 10,240 MB", "aws-lambda", "", "", "max", "memory_mb", 10240);
    row("Lambda timeout 900 s", "aws-lambda", "", "", "limit", "request_timeout_s", 900);
    row("Lambda $0.20 per M requests", "aws-lambda", "on-demand", "", "price", "requests", 0.20);
    row("Fly 512 MB $3.19", "fly-machines", "payg", "shared-cpu-1x-512mb", "price",
        "instance-months", 3.19);
    row("Render starter $7", "render-web-service", "paid", "starter", "price", "instance-months",
        7);
    row("Railway RAM $10/GB-month", "railway", "hobby", "", "price", "memory-gb-months", 10);
    row("Railway CPU $20/vCPU-month", "railway", "hobby", "", "price", "vcpu-months", 20);
    row("Neon Launch $0.106/CU-h", "neon", "launch", "", "price", "cu-hours", 0.106);
    row("Upstash Redis $0.20 per 100k commands", "upstash-redis", "payg", "", "price", "commands",
        0.20);
    row("R2 SLA 99.9 (Enterprise only)", "cloudflare-r2", "enterprise", "", "sla", "", 99.9);
    // Facts corrected by the 2026-12-02 audit (../shared/reference/facts-audit.md).
    row("Railway Pro volumes self-serve up to 1 TB", "railway", "pro", "", "limit", "storage_gb",
        1000);
    row("Fly shared-cpu-1x 256 MB $1.94 (base region)", "fly-machines", "payg",
        "shared-cpu-1x-256mb", "price", "instance-months", 1.94);
    row("Fly stopped rootfs $0.15 per GB", "fly-machines", "payg", "", "price", "stopped-gb-months",
        0.15);
    row("Durable Objects 6 outbound connections", "cloudflare-durable-objects", "paid", "", "limit",
        "outbound_connections", 6);
    row("Cloud Run instance-based memory $0.000002/GiB-s", "google-cloud-run", "instance-based", "",
        "price", "gib-s", 0.000002);
    row("Cloud Run instance-based 450k GiB-s free", "google-cloud-run", "instance-based", "",
        "included", "gib-s", 450000);
    row("Cloud Run instance-based 240k vCPU-s free", "google-cloud-run", "instance-based", "",
        "included", "vcpu-s", 240000);
    row("S3 class A $0.005 per 1,000", "aws-s3", "standard", "", "price", "class-a-ops", 0.005);
    row("S3 class B $0.0004 per 1,000", "aws-s3", "standard", "", "price", "class-b-ops", 0.0004);
    row("Neon Scale egress $0.10/GB", "neon", "scale", "", "price", "egress-gb", 0.10);
    row("Neon Scale 100 GB egress included", "neon", "scale", "", "included", "egress-gb", 100);
    row("Vectorize paid 50,000 indexes", "cloudflare-vectorize", "paid", "", "limit",
        "vector_indexes", 50000);
    row("Render egress $0.15/GB", "render-web-service", "paid", "", "price", "egress-gb", 0.15);
}

void TestProfiles::factsMatchTheDataSheet()
{
    QFETCH(QString, profile);
    QFETCH(QString, plan);
    QFETCH(QString, instance);
    QFETCH(QString, what);
    QFETCH(QString, key);
    QFETCH(double, expected);
    const Profile *p = bundled().profile(profile);
    QVERIFY(p);
    const Plan *pl = plan.isEmpty() ? &p->plans.front() : p->plan(plan);
    QVERIFY2(pl, qPrintable(plan));
    const Instance *inst = instance.isEmpty() ? nullptr : pl->instance(instance);
    QVERIFY(instance.isEmpty() || inst);
    const ResolvedBinding r = resolve(*p, *pl, inst);
    double actual = -1;
    if (what == QLatin1String("limit") || what == QLatin1String("max")) {
        const Limit *l = r.limit(key);
        QVERIFY2(l, qPrintable(key));
        QVERIFY(!l->fact.source.isEmpty());
        actual = what == QLatin1String("limit") ? l->value : l->max.value_or(-1);
    } else if (what == QLatin1String("price") || what == QLatin1String("included")) {
        const Meter *m = findMeter(r.meters, key);
        QVERIFY2(m, qPrintable(key));
        actual = what == QLatin1String("price")
                     ? m->price.value_or(m->tiers.empty() ? -1 : m->tiers.front().price)
                     : m->included;
    } else if (what == QLatin1String("fee")) {
        QVERIFY(pl->fee);
        actual = pl->fee->amount;
    } else if (what == QLatin1String("credit")) {
        QVERIFY(pl->credits);
        actual = pl->credits->amount;
    } else if (what == QLatin1String("sla")) {
        QVERIFY(r.capabilities.sla);
        actual = r.capabilities.sla->value;
    }
    QCOMPARE(actual, expected);
}

void TestProfiles::everyFactIsSourcedAndDated()
{
    // The loader enforces this; check the loaded values too, including instance-level facts.
    int facts = 0;
    auto check = [&facts](const Fact &f, const QString &where) {
        ++facts;
        QVERIFY2(f.source.startsWith(QLatin1String("https://"))
                     || f.source.startsWith(QLatin1String("http://")),
                 qPrintable(where));
        QVERIFY2(f.checked.isValid(), qPrintable(where));
    };
    for (const auto &p : bundled().profiles()) {
        for (const auto &[k, l] : p.limits)
            check(l.fact, p.id + QLatin1Char('/') + k);
        for (const auto &plan : p.plans) {
            for (const auto &[k, l] : plan.limits)
                check(l.fact, p.id + QLatin1Char('/') + plan.id + QLatin1Char('/') + k);
            for (const auto &m : plan.meters)
                check(m.fact, p.id + QLatin1Char('/') + plan.id + QLatin1Char('/') + m.usage);
            if (plan.fee)
                check(plan.fee->fact, p.id + QLatin1String("/fee"));
            for (const auto &i : plan.instances) {
                for (const auto &[k, l] : i.limits)
                    check(l.fact, p.id + QLatin1Char('/') + i.id + QLatin1Char('/') + k);
                for (const auto &m : i.meters)
                    check(m.fact, p.id + QLatin1Char('/') + i.id + QLatin1Char('/') + m.usage);
            }
        }
    }
    QVERIFY(facts > 300);
}

void TestProfiles::malformedProfilesGiveLocatedErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *file, const char *expected) {
        QTest::newRow(file) << QString::fromLatin1(file) << QString::fromUtf8(expected);
    };
    row("syntax-unterminated", "1:26: invalid TOML: Error while parsing string: unescaped control "
                               "characters other than TAB (U+0009) are explicitly prohibited");
    row("syntax-duplicate-key", "3:8: invalid TOML: Error while parsing key-value pair: cannot "
                                "redefine existing string 'name'");
    row("missing-id", "1:1: missing required key \"id\"");
    row("unknown-role", "5:9: unknown role \"mainframe\"; expected one of: client, frontend, "
                        "proxy, backend, worker, scheduler, database, cache, object-storage, "
                        "vector-index, queue, external-api (at roles)");
    row("unknown-limit", "14:13: unknown limit \"memroy_mb\" (at limits.memroy_mb)");
    row("negative-price", "28:9: must not be negative (found -0.09) (at plans[0].meters[1].price)");
    row("limit-without-source", "14:10: fact has no source (at limits.cpu_ms)");
    row("limit-without-source-or-date",
        "14:10: fact has no source and no checked date (at limits.cpu_ms)");
    row("bad-checked-date", "14:73: checked must be a date YYYY-MM-DD, found \"11/02/2026\" (at "
                            "limits.cpu_ms.checked)");
    row("unknown-usage",
        "27:9: unknown usage \"lambdas\"; expected one of: requests, cpu-ms, gb-s, gib-s, vcpu-s, "
        "disk-gb-s, instance-hours, instance-months, vcpu-hours, gb-hours, vcpu-months, "
        "memory-gb-months, cu-hours, gb-month, egress-gb, reads, writes, class-a-ops, class-b-ops, "
        "operations, commands, queried-vector-dimensions, stored-vector-dimensions, neurons, "
        "messages, stopped-gb-months (at plans[0].meters[1].usage)");
    row("unknown-unit-key", "23:8: unknown key \"unit\" (at plans[0].meters[0].unit)");
    row("unknown-capability-value",
        "11:24: unknown filesystem \"disk\"; expected one of: none, in-memory, ephemeral, "
        "persistent (at capabilities.filesystem.value)");
    row("via-unknown-profile",
        "11:37: refers to unknown profile \"no-such-profile\" (at capabilities.websockets.via)");
    row("requires-unknown-fee", "18:12: requires \"platinum-support\", which no plan's fee "
                                "provides (at plans[0].requires)");
    row("duplicate-plan-id", "27:6: duplicate plan id \"standard\" (at plans[1].id)");
    row("meter-price-unknown-without-note", "26:1: a meter without a price needs a note saying why "
                                            "the price is unknown (at plans[0].meters[1])");
    row("source-not-a-url",
        "14:33: source must be an http(s) URL, found \"the docs\" (at limits.cpu_ms.source)");
    row("tiers-out-of-order", "28:38: tiers must be in increasing order of upto, with only the "
                              "last open (at plans[0].meters[1].tiers[1])");
    row("no-plans", "1:1: a profile needs at least one [[plans]] entry (at plans)");
    // Issue 17: refused before toml++ sees them (a long dotted key overflowed its stack), and
    // integers a double cannot hold exactly.
    row("deep-dotted-key", "8:32: dotted key with more than 16 parts; not a profile");
    row("deep-nesting", "8:21: arrays and tables nested more than 16 levels deep; not a profile");
    row("integer-above-2-53", "28:9: integer 9007199254740993 is too large (at most 2^53 = "
                              "9007199254740992) (at plans[0].meters[1].price)");
}

void TestProfiles::malformedProfilesGiveLocatedErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(file + QStringLiteral(".toml"));
    QVERIFY(copyFile(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-bad/") + file
                         + QStringLiteral(".toml"),
                     path));
    Catalogue c;
    c.addBundled();
    c.addDirectory(dir.path());
    c.finish();
    QStringList problems;
    for (const auto &p : c.problems())
        problems << p.error.toString();
    QCOMPARE(problems, QStringList({path + QLatin1Char(':') + expected}));
    QVERIFY(!c.profile(file));                                  // the bad profile is not loaded
    QCOMPARE(c.profiles().size(), bundled().profiles().size()); // all others are
}

void TestProfiles::oneBadFileDoesNotStopTheOthers()
{
    QTemporaryDir dir;
    const QString bad = QStringLiteral(STACKPLAN_TEST_DATA "/profiles-bad/");
    for (const char *f : {"unknown-limit", "negative-price", "syntax-unterminated"})
        QVERIFY(copyFile(bad + QLatin1String(f) + QStringLiteral(".toml"),
                         dir.filePath(QLatin1String(f) + QStringLiteral(".toml"))));
    QVERIFY(copyFile(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/neon.toml"),
                     dir.filePath(QStringLiteral("my-neon.toml"))));
    QFile f(dir.filePath(QStringLiteral("my-neon.toml")));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray text = f.readAll().replace("id = \"neon\"", "id = \"my-neon\"");
    f.resize(0);
    f.write(text);
    f.close();
    Catalogue c;
    c.addDirectory(dir.path());
    c.finish();
    QCOMPARE(c.problems().size(), size_t(3)); // every problem reported
    QCOMPARE(c.profiles().size(), size_t(1)); // the good file loaded
    QVERIFY(c.profile(QStringLiteral("my-neon")));
}

void TestProfiles::hostileProfileFilesAreRefused()
{
    // A key of 30,000 parts (it crashed every command at start-up), a symlink to /dev/zero (it was
    // read forever) and a FIFO (it blocked): each is one located problem, the rest still loads.
    QTemporaryDir dir;
    QVERIFY(copyFile(QStringLiteral(STACKPLAN_SOURCE_DIR
                                    "/tests/fuzz/crashes/profile/dotted-key-30000-parts.toml"),
                     dir.filePath(QStringLiteral("deep.toml"))));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("zero.toml"))));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo.toml"))).constData(),
                      0600),
             0);
    QVERIFY(copyFile(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/neon.toml"),
                     dir.filePath(QStringLiteral("neon.toml"))));
    Catalogue c;
    c.addDirectory(dir.path());
    c.finish();
    QStringList problems;
    for (const auto &p : c.problems())
        problems << p.error.toString();
    const QString refused
        = QStringLiteral(": not a regular file (a device, pipe or socket); refusing to read it");
    QCOMPARE(problems,
             QStringList({dir.filePath(QStringLiteral("deep.toml"))
                              + QStringLiteral(":2:32: dotted key with more than 16 parts; not a "
                                               "profile"),
                          dir.filePath(QStringLiteral("fifo.toml")) + refused,
                          dir.filePath(QStringLiteral("zero.toml")) + refused}));
    QCOMPARE(c.profiles().size(), size_t(1));
    QVERIFY(c.profile(QStringLiteral("neon")));
}

void TestProfiles::userFolderAddsAndOverridesById()
{
    QTemporaryDir dataHome;
    qputenv("XDG_DATA_HOME", dataHome.path().toUtf8());
    const QString folder = Catalogue::userFolder();
    QCOMPARE(folder, dataHome.path() + QStringLiteral("/stackplan/profiles"));
    QVERIFY(QDir().mkpath(folder));
    // Override: the user's cloudflare-workers has 256 MB.
    QFile src(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/cloudflare-workers.toml"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    QByteArray text = src.readAll();
    text.replace("memory_mb = { value = 128,", "memory_mb = { value = 256,");
    QFile dst(folder + QStringLiteral("/cloudflare-workers.toml"));
    QVERIFY(dst.open(QIODevice::WriteOnly));
    dst.write(text);
    dst.close();
    // A broken user profile next to it.
    QVERIFY(copyFile(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-bad/unknown-limit.toml"),
                     folder + QStringLiteral("/unknown-limit.toml")));

    const Catalogue c = Catalogue::standard();
    const Profile *w = c.profile(QStringLiteral("cloudflare-workers"));
    QVERIFY(w);
    QCOMPARE(w->origin, folder + QStringLiteral("/cloudflare-workers.toml"));
    QCOMPARE(w->limits.at(QStringLiteral("memory_mb")).value, 256.0);
    QCOMPARE(c.overrides().size(), size_t(1));
    QCOMPARE(c.overrides()[0].second, QStringLiteral(":/profiles/cloudflare-workers.toml"));
    QCOMPARE(c.problems().size(), size_t(1));
    QCOMPARE(
        c.problems()[0].error.toString(),
        folder
            + QStringLiteral(
                "/unknown-limit.toml:14:13: unknown limit \"memroy_mb\" (at limits.memroy_mb)"));
    QCOMPARE(c.profiles().size(), bundled().profiles().size());
    // Without the user folder, the bundled profile is back.
    const Catalogue plain = Catalogue::standard({}, false);
    QCOMPARE(plain.profile(QStringLiteral("cloudflare-workers"))
                 ->limits.at(QStringLiteral("memory_mb"))
                 .value,
             128.0);
    qunsetenv("XDG_DATA_HOME");
}

void TestProfiles::bindingsResolvePlanAndInstanceLimits()
{
    QString why;
    const ResolvedBinding r
        = bundled().resolve(Binding{"cloudflare-containers", "paid", "standard-2"}, &why);
    QVERIFY2(r.isValid(), qPrintable(why));
    QCOMPARE(r.limit(QStringLiteral("memory_mb"))->value, 6144.0);
    QVERIFY(findMeter(r.meters, QStringLiteral("gib-s")));
    QVERIFY(!bundled().resolve(Binding{"cloudflare-workers", "platinum", ""}, &why).isValid());
    QCOMPARE(why, QStringLiteral("profile \"cloudflare-workers\" has no plan \"platinum\""));
    QVERIFY(!bundled().resolve(Binding{"nope", "", ""}, &why).isValid());
    QCOMPARE(why, QStringLiteral("unknown profile \"nope\""));
    // An empty plan means the first plan.
    QCOMPARE(bundled().resolve(Binding{"cloudflare-workers", "", ""}).plan->id,
             QStringLiteral("free"));
    // Plan capabilities override the profile's (Render's free plan sleeps).
    const ResolvedBinding free = bundled().resolve(Binding{"render-web-service", "free", ""});
    QVERIFY(free.capabilities.sleep && free.capabilities.sleep->value.sleeps);
    QCOMPARE(*free.capabilities.sleep->value.afterMin, 15.0);
}

void TestProfiles::staleFactsAreMarked()
{
    Fact f;
    f.checked = QDate(2025, 8, 20);
    QVERIFY(f.isStale(QDate(2026, 11, 23)));
    QVERIFY(!f.isStale(QDate(2026, 8, 20)));
    f.checked = QDate(2026, 2, 11);
    QVERIFY(!f.isStale(QDate(2026, 11, 23)));
}

void TestProfiles::noProfileIdOrVendorInCppCode()
{
    // DESIGN.md principle 1: platforms are data. No C++ outside tests names a profile or vendor;
    // vendor and tool names the exporter shows come from the profiles (`vendor`, `deploy.cli`).
    QStringList needles;
    for (const auto &p : bundled().profiles()) {
        needles << p.id << p.name;
        if (p.vendor != QLatin1String("Generic"))
            needles << p.vendor;
    }
    needles.removeDuplicates();
    QStringList hits;
    for (const char *dir : {"/app", "/ui"}) {
        QDirIterator it(QStringLiteral(STACKPLAN_SOURCE_DIR) + QLatin1String(dir), {"*.cpp", "*.h"},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QString text = QString::fromUtf8(f.readAll());
            // The exporter knows file formats: their file names (railway.json), the ids of the
            // deployment targets (railway-json) and their schema URLs name a format, not a
            // platform, and are not counted.
            text.remove(QRegularExpression(QStringLiteral("https?://[^\\s\"]+")));
            text.remove(QRegularExpression(QStringLiteral("\\b[A-Za-z0-9_-]+\\.(json|yaml|yml|toml)\\b")));
            for (const auto &[target, kinds] : deployTargets())
                text.remove(QRegularExpression(
                    QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(target))));
            for (const auto &n : needles)
                if (QRegularExpression(
                        QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(n)))
                        .match(text)
                        .hasMatch())
                    hits << QStringLiteral("%1: %2").arg(path, n);
        }
    }
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
}

namespace {

// Every fact of a profile, with a path for messages.
std::vector<std::pair<QString, Fact>> allFacts(const Profile &p)
{
    std::vector<std::pair<QString, Fact>> out;
    auto capabilities = [&](const Capabilities &c, const QString &where) {
        for (const auto &row : capabilityRows(c))
            out.push_back({where + row.key, row.fact});
    };
    auto limits = [&](const Limits &l, const QString &where) {
        for (const auto &[k, v] : l)
            out.push_back({where + k, v.fact});
    };
    auto meters = [&](const std::vector<Meter> &m, const QString &where) {
        for (const auto &meter : m)
            out.push_back({where + meter.usage, meter.fact});
    };
    capabilities(p.capabilities, p.id + QStringLiteral("/capabilities."));
    limits(p.limits, p.id + QStringLiteral("/limits."));
    if (p.monthHours)
        out.push_back({p.id + QStringLiteral("/month_hours"), p.monthHours->fact});
    for (const auto &plan : p.plans) {
        const QString where = p.id + QLatin1Char('/') + plan.id + QLatin1Char('/');
        capabilities(plan.capabilities, where + QStringLiteral("capabilities."));
        limits(plan.limits, where + QStringLiteral("limits."));
        meters(plan.meters, where + QStringLiteral("meters."));
        if (plan.fee)
            out.push_back({where + QStringLiteral("fee"), plan.fee->fact});
        if (plan.credits)
            out.push_back({where + QStringLiteral("credits"), plan.credits->fact});
        if (plan.roles)
            out.push_back({where + QStringLiteral("roles"), plan.roles->fact});
        if (plan.monthHours)
            out.push_back({where + QStringLiteral("month_hours"), plan.monthHours->fact});
        for (const auto &i : plan.instances) {
            limits(i.limits, where + i.id + QStringLiteral("/limits."));
            meters(i.meters, where + i.id + QStringLiteral("/meters."));
            if (i.roles)
                out.push_back({where + i.id + QStringLiteral("/roles"), i.roles->fact});
        }
    }
    return out;
}

} // namespace

void TestProfiles::factsOutsideTheVendorsDomainsSayWhy()
{
    // Facts come from the vendor's own pages, docs repository or changelog. A fact sourced
    // anywhere else must say why in its note ("Secondary source (why): …"), and so name whose
    // figure it is.
    static const QRegularExpression why(QStringLiteral("secondary source *[:(]"),
                                        QRegularExpression::CaseInsensitiveOption);
    QStringList offenders;
    int outside = 0;
    for (const auto &p : bundled().profiles()) {
        QVERIFY2(!p.domains.isEmpty(), qPrintable(p.id + QStringLiteral(" lists no domains")));
        for (const auto &[where, fact] : allFacts(p)) {
            if (p.isVendorSource(fact.source))
                continue;
            ++outside;
            if (!why.match(fact.note).hasMatch())
                offenders << QStringLiteral("%1: %2").arg(where, fact.source);
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    QVERIFY(outside > 0); // the check does see secondary sources

    // The check fails on a profile that cites another domain without saying why.
    QFile src(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles/neon.toml"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    QByteArray text = src.readAll();
    text.replace("\"https://neon.com/docs/introduction/plans\"",
                 "\"https://blog.example.org/neon-pricing\"");
    std::vector<ProfileProblem> problems;
    const auto changed = parseProfile(text, QStringLiteral("neon.toml"), &problems);
    QVERIFY(changed);
    int unexplained = 0;
    for (const auto &[where, fact] : allFacts(*changed))
        if (!changed->isVendorSource(fact.source) && !why.match(fact.note).hasMatch())
            ++unexplained;
    QVERIFY(unexplained > 10);
}

void TestProfiles::vendorDomainsMatchHostsAndPaths_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("vendor");
    QTest::newRow("the domain itself") << "https://example.com/x" << true;
    QTest::newRow("a subdomain") << "https://docs.example.com/x" << true;
    QTest::newRow("a look-alike host") << "https://notexample.com/x" << false;
    QTest::newRow("a repository under the vendor's organisation")
        << "https://github.com/example/docs/blob/main/a.md" << true;
    QTest::newRow("another organisation on the same host")
        << "https://github.com/someone-else/example/blob/main/a.md" << false;
    QTest::newRow("plain http") << "http://example.com/" << true;
}

void TestProfiles::vendorDomainsMatchHostsAndPaths()
{
    QFETCH(QString, url);
    QFETCH(bool, vendor);
    Profile p;
    p.domains = {QStringLiteral("example.com"), QStringLiteral("github.com/example/")};
    QCOMPARE(p.isVendorSource(url), vendor);
}

void TestProfiles::billingKeysAreRead()
{
    // The billing semantics and restrictions profiles declare, read from the test fixtures.
    Catalogue c;
    c.addDirectory(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-test"));
    c.finish();
    QStringList problems;
    for (const auto &pr : c.problems())
        problems << pr.error.toString();
    QCOMPARE(problems, QStringList());
    const Profile *b = c.profile(QStringLiteral("test-billing"));
    QVERIFY(b && b->monthHours);
    QCOMPARE(b->monthHours->value, 720.0);
    QCOMPARE(b->domains, QStringList({"example.com"}));
    const Meter *ops
        = findMeter(b->plan(QStringLiteral("rounding"))->meters, QStringLiteral("class-a-ops"));
    QCOMPARE(*ops->roundUp, 1e6);
    const Meter *disk
        = findMeter(b->plan(QStringLiteral("allowances"))->meters, QStringLiteral("gb-month"));
    QCOMPARE(disk->includedPer, AllowanceScope::Component);
    const Profile *q = c.profile(QStringLiteral("test-quota"));
    const Meter *requests
        = findMeter(q->plan(QStringLiteral("free"))->meters, QStringLiteral("requests"));
    QCOMPARE(requests->cap, MeterCap::Fail);
    QVERIFY(q->plan(QStringLiteral("free"))->roles);
    QCOMPARE(q->capabilities.websockets->value.coordinateVia, QStringLiteral("test-socket"));
    const ResolvedBinding *web = c.resolved(Binding{"test-quota", "paid", "web"});
    QVERIFY(web && !web->canHost(Role::Worker) && web->canHost(Role::Backend));
    // A cap without the quantity it caps is refused, with its place.
    std::vector<ProfileProblem> bad;
    QVERIFY(!parseProfile("id = \"x\"\nname = \"X\"\nvendor = \"V\"\ncategory = \"compute\"\n"
                          "roles = [\"backend\"]\ndocs = \"https://x.example\"\naccount = \"x\"\n"
                          "[capabilities]\n[[plans]]\nid = \"free\"\nname = \"Free\"\n"
                          "[[plans.meters]]\nusage = \"requests\"\nprice = 0\ncap = \"fail\"\n"
                          "source = \"https://x.example\"\nchecked = \"2026-01-01\"\n",
                          QStringLiteral("x.toml"), &bad));
    QCOMPARE(bad.size(), size_t(1));
    QCOMPARE(bad[0].error.toString(),
             QStringLiteral("x.toml:15:7: a cap needs the included quantity it caps (at "
                            "plans[0].meters[0].cap)"));
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "test_profiles.moc"
