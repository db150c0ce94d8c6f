// The inspector edits the model: every field of a component, its binding (profiles filtered to
// those that can host the role, plan limits beside the fields they constrain), connections, the
// project's assumptions, and several elements at once.
#include "document.h"
#include "mainwindow.h"
#include "panels/componentinspector.h"
#include "panels/connectioninspector.h"
#include "panels/dependencylist.h"
#include "panels/fieldeditors.h"
#include "panels/inspector.h"
#include "panels/projectinspector.h"
#include "profiles/catalogue.h"
#include "uitest.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <memory>

using namespace stackplan;
using namespace uitest;

class TestUiInspector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_catalogue = Catalogue::standard({}, false); }
    void dependencyListsParseIntoNames_data();
    void dependencyListsParseIntoNames();
    void selectingABoxShowsItsFields();
    void typingInAFieldEditsTheModelInOneStep();
    void invalidNumbersAreMarkedAndNotApplied();
    void bindingChoosesAmongProfilesThatCanHostTheRole();
    void planLimitsAppearBesideTheFieldsTheyConstrain();
    void multiSelectionShowsCommonValuesAndEditsAll();
    void pastingADependencyListFillsThePackages();
    void environmentVariablesAreEditedInATable();
    void connectionInspectorEditsProtocolViaAndPooling();
    void projectAssumptionsWhenNothingIsSelected();
    void aLongNameDoesNotWidenTheInspector();
    void trafficFieldsForQuotasAndConversions();

private:
    std::unique_ptr<MainWindow> window();
    ComponentInspector *components(MainWindow *w) { return w->inspector()->componentPage(); }
    template<typename T>
    T *field(MainWindow *w, const char *key)
    {
        return qobject_cast<T *>(components(w)->field(QString::fromLatin1(key)));
    }
    const Component *component(MainWindow *w, const char *id)
    {
        return w->document()->currentOption()->component(QString::fromLatin1(id));
    }
    Catalogue m_catalogue;
};

std::unique_ptr<MainWindow> TestUiInspector::window()
{
    return exampleWindow(&m_catalogue);
}

void TestUiInspector::dependencyListsParseIntoNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("requirements.txt")
        << QStringLiteral(
               "# API\nfastapi==0.110.0\nuvicorn[standard]>=0.29 ; python_version>'3.8'\n"
               "-r base.txt\n--index-url https://example.org/simple\n"
               "langchain-groq~=0.1  # LLM\n-e git+https://example.org/x.git#egg=mylib\n"
               "pkg @ https://example.org/pkg.whl\nnumpy\n")
        << QStringList{"fastapi", "uvicorn", "langchain-groq", "mylib", "pkg", "numpy"};
    QTest::newRow("package.json") << QStringLiteral(
        "{\n  \"name\": \"web\",\n  \"dependencies\": {\"react\": \"^18.2.0\", "
        "\"@tanstack/react-query\": \"5\"},\n  \"devDependencies\": "
        "{\"vite\": \"5\"}\n}") << QStringList{"@tanstack/react-query", "react"};
    QTest::newRow("package.json fragment")
        << QStringLiteral("\"dependencies\": {\n  \"react\": \"^18.2.0\",\n  \"react-dom\": "
                          "\"^18.2.0\"\n}")
        << QStringList{"react", "react-dom"};
    QTest::newRow("plain names, commas and spaces")
        << QStringLiteral("fastapi, uvicorn pandas\nnumpy\nfastapi")
        << QStringList{"fastapi", "uvicorn", "pandas", "numpy"};
    QTest::newRow("npm scoped with version")
        << QStringLiteral("@types/node@20.1.0") << QStringList{"@types/node"};
    QTest::newRow("nothing") << QStringLiteral("# only a comment\n\n") << QStringList{};
}

void TestUiInspector::dependencyListsParseIntoNames()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QCOMPARE(parseDependencyList(text), names);
}

void TestUiInspector::selectingABoxShowsItsFields()
{
    auto w = window();
    QVERIFY(w);
    QCOMPARE(w->inspector()->currentPage(), w->inspector()->projectPage());
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    QCOMPARE(w->inspector()->currentPage(), components(w.get()));
    QCOMPARE(w->inspector()->title(), QStringLiteral("FastAPI backend"));
    QCOMPARE(field<QLineEdit>(w.get(), "name")->text(), QStringLiteral("FastAPI backend"));
    QCOMPARE(field<QComboBox>(w.get(), "role")->currentData().toString(),
             QStringLiteral("backend"));
    QCOMPARE(field<NumberField>(w.get(), "memory")->lineEdit()->text(), QStringLiteral("512"));
    QCOMPARE(field<NumberField>(w.get(), "port")->lineEdit()->text(), QStringLiteral("8080"));
    QVERIFY(field<ListField>(w.get(), "packages")->list().contains(QStringLiteral("langgraph")));
    QCOMPARE(field<QCheckBox>(w.get(), "streaming")->checkState(), Qt::Checked);
    QCOMPARE(field<QComboBox>(w.get(), "profile")->currentData().toString(),
             QStringLiteral("google-cloud-run"));
    QCOMPARE(field<QComboBox>(w.get(), "plan")->currentData().toString(),
             QStringLiteral("request-based"));
    QCOMPARE(components(w.get())->environmentTable()->rowCount(), 7);
    shot(w.get(), QStringLiteral("inspector-component"));
}

void TestUiInspector::typingInAFieldEditsTheModelInOneStep()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    QLineEdit *memory = field<NumberField>(w.get(), "memory")->lineEdit();
    memory->selectAll();
    QTest::keyClicks(memory, QStringLiteral("1024"));
    QCOMPARE(component(w.get(), "backend")->workload.memoryMb, std::optional<double>(1024));
    QCOMPARE(w->document()->undoStack()->count(), 1); // four keystrokes, one step
    QCOMPARE(w->document()->undoStack()->undoText(),
             QStringLiteral("Edit memory of FastAPI backend"));
    QLineEdit *framework = field<QLineEdit>(w.get(), "framework");
    framework->end(false);
    QTest::keyClicks(framework, QStringLiteral("-x"));
    QCOMPARE(component(w.get(), "backend")->workload.framework, QStringLiteral("fastapi-x"));
    QCOMPARE(w->document()->undoStack()->count(), 2); // another field, another step
    w->document()->undoStack()->undo();
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QCOMPARE(memory->text(), QStringLiteral("512")); // the field follows the model
    memory->selectAll();
    QTest::keyClick(memory, Qt::Key_Backspace); // empty means "not set"
    QCOMPARE(memory->text(), QString());
    QVERIFY(!component(w.get(), "backend")->workload.memoryMb);
}

void TestUiInspector::invalidNumbersAreMarkedAndNotApplied()
{
    auto w = window();
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    NumberField *port = field<NumberField>(w.get(), "port");
    port->lineEdit()->selectAll();
    QTest::keyClicks(port->lineEdit(), QStringLiteral("70000"));
    QCOMPARE(component(w.get(), "backend")->workload.port, std::optional<int>(7000));
    QVERIFY(!port->lineEdit()->styleSheet().isEmpty()); // marked
    QVERIFY(port->lineEdit()->toolTip().contains(QStringLiteral("65535")));
    NumberField *memory = field<NumberField>(w.get(), "memory");
    memory->lineEdit()->selectAll();
    QTest::keyClicks(memory->lineEdit(), QStringLiteral("-"));
    QCOMPARE(component(w.get(), "backend")->workload.memoryMb, std::optional<double>(512));
    // min > max is refused by the editor and changes nothing.
    NumberField *minimum = field<NumberField>(w.get(), "min-instances");
    minimum->lineEdit()->selectAll();
    QTest::keyClicks(minimum->lineEdit(), QStringLiteral("11"));
    QCOMPARE(component(w.get(), "backend")->workload.minInstances, std::optional<int>(1));
}

void TestUiInspector::bindingChoosesAmongProfilesThatCanHostTheRole()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    QComboBox *profile = field<QComboBox>(w.get(), "profile");
    QCOMPARE(profile->itemData(0).toString(), QString()); // "Not bound"
    int hosts = 0;
    for (const auto &p : m_catalogue.profiles())
        hosts += p.canHost(Role::Backend);
    QCOMPARE(profile->count(), hosts + 1);
    for (int i = 1; i < profile->count(); ++i)
        QVERIFY2(m_catalogue.profile(profile->itemData(i).toString())->canHost(Role::Backend),
                 qPrintable(profile->itemData(i).toString()));
    QCOMPARE(profile->findData(QStringLiteral("supabase")), -1);

    profile->setCurrentIndex(profile->findData(QStringLiteral("cloudflare-workers")));
    QCOMPARE(component(w.get(), "backend")->binding,
             (Binding{QStringLiteral("cloudflare-workers"), QStringLiteral("free"), {}}));
    QComboBox *plan = field<QComboBox>(w.get(), "plan");
    QCOMPARE(plan->count(), 3); // Free, Paid and Enterprise (the only plan with an SLA)
    plan->setCurrentIndex(plan->findData(QStringLiteral("paid")));
    QCOMPARE(component(w.get(), "backend")->binding.plan, QStringLiteral("paid"));
    QCOMPARE(w->scene()->componentItem(QStringLiteral("backend"))->visual().bindingLine,
             QStringLiteral("Cloudflare Workers · paid"));
    QVERIFY(!field<QComboBox>(w.get(), "instance")->isEnabled()); // no instance types

    // A database: instance types of the plan.
    w->scene()->selectElements({QStringLiteral("database")}, {});
    QComboBox *instance = field<QComboBox>(w.get(), "instance");
    QVERIFY(instance->isEnabled());
    QCOMPARE(instance->currentData().toString(), QStringLiteral("micro"));
    instance->setCurrentIndex(instance->findData(QStringLiteral("small")));
    QCOMPARE(component(w.get(), "database")->binding.instance, QStringLiteral("small"));
    plan->setCurrentIndex(plan->findData(QStringLiteral("free")));
    QCOMPARE(component(w.get(), "database")->binding,
             (Binding{QStringLiteral("supabase"), QStringLiteral("free"), QStringLiteral("nano")}));
    profile->setCurrentIndex(0);
    QVERIFY(!component(w.get(), "database")->binding.isBound());
    QCOMPARE(w->document()->undoStack()->count(), 5); // one step per choice
    while (w->document()->undoStack()->canUndo())
        w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
}

void TestUiInspector::planLimitsAppearBesideTheFieldsTheyConstrain()
{
    auto w = window();
    QVERIFY(w);
    w->optionTabs()->setCurrentIndex(0); // all-workers: backend on Workers Free
    QTRY_COMPARE(w->document()->currentOptionId(), QStringLiteral("all-workers"));
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    NumberField *memory = field<NumberField>(w.get(), "memory");
    QVERIFY(!memory->hintLabel()->isHidden());
    QCOMPARE(memory->hintLabel()->text(), QStringLiteral("limit 128 MB"));
    QVERIFY(memory->hintLabel()->styleSheet().contains(QStringLiteral("#c62828"))); // exceeded
    QVERIFY(memory->hintLabel()->toolTip().contains(QStringLiteral("https://")));
    NumberField *cpu = field<NumberField>(w.get(), "cpu");
    QCOMPARE(cpu->hintLabel()->text(), QStringLiteral("limit 10 ms"));
    QCOMPARE(field<NumberField>(w.get(), "connection-pool")->hintLabel()->text(),
             QStringLiteral("limit 6 connections"));
    QVERIFY(field<NumberField>(w.get(), "request")->hintLabel()->isHidden()); // no such limit
    shot(w.get(), QStringLiteral("inspector-limits"));
    // Another plan, other limits; lowering the value clears the warning.
    field<QComboBox>(w.get(), "plan")->setCurrentIndex(1);
    QCOMPARE(cpu->hintLabel()->text(),
             QStringLiteral("limit 30,000 ms by default, up to 300,000 ms"));
    memory->lineEdit()->selectAll();
    QTest::keyClicks(memory->lineEdit(), QStringLiteral("96"));
    QVERIFY(!memory->hintLabel()->styleSheet().contains(QStringLiteral("#c62828")));
    // Unbound: no limits.
    field<QComboBox>(w.get(), "profile")->setCurrentIndex(0);
    QVERIFY(memory->hintLabel()->isHidden());
}

void TestUiInspector::multiSelectionShowsCommonValuesAndEditsAll()
{
    auto w = window();
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("frontend"), QStringLiteral("backend")}, {});
    QCOMPARE(w->inspector()->title(), QStringLiteral("2 components"));
    QLineEdit *name = field<QLineEdit>(w.get(), "name");
    QCOMPARE(name->text(), QString());
    QCOMPARE(name->placeholderText(), QStringLiteral("mixed"));
    QCOMPARE(field<QComboBox>(w.get(), "role")->currentIndex(), -1);
    QCOMPARE(field<NumberField>(w.get(), "memory")->lineEdit()->placeholderText(),
             QStringLiteral("mixed"));
    QCOMPARE(field<QCheckBox>(w.get(), "streaming")->checkState(), Qt::PartiallyChecked);
    QCOMPARE(field<QCheckBox>(w.get(), "websockets")->checkState(), Qt::Unchecked); // common
    QCOMPARE(field<QComboBox>(w.get(), "profile")->currentIndex(), -1);
    shot(w.get(), QStringLiteral("inspector-multi"));

    QTest::keyClicks(field<QLineEdit>(w.get(), "region"), QStringLiteral("eu"));
    QCOMPARE(component(w.get(), "frontend")->region, QStringLiteral("eu"));
    QCOMPARE(component(w.get(), "backend")->region, QStringLiteral("eu"));
    QCOMPARE(w->document()->undoStack()->count(), 1);
    QCOMPARE(w->document()->undoStack()->undoText(), QStringLiteral("Edit region of 2 components"));
    QTest::mouseClick(field<QCheckBox>(w.get(), "streaming"), Qt::LeftButton);
    QVERIFY(component(w.get(), "frontend")->workload.streaming);
    QVERIFY(component(w.get(), "backend")->workload.streaming);
    QCOMPARE(field<QCheckBox>(w.get(), "streaming")->checkState(), Qt::Checked);
    // Binding both at once: only profiles that host both roles are offered.
    QComboBox *profile = field<QComboBox>(w.get(), "profile");
    QCOMPARE(profile->findData(QStringLiteral("cloudflare-workers-static-assets")), -1);
    profile->setCurrentIndex(profile->findData(QStringLiteral("fly-machines")));
    QCOMPARE(component(w.get(), "frontend")->binding.profile, QStringLiteral("fly-machines"));
    QCOMPARE(component(w.get(), "backend")->binding.profile, QStringLiteral("fly-machines"));
    QCOMPARE(w->document()->undoStack()->count(), 3);
}

void TestUiInspector::pastingADependencyListFillsThePackages()
{
    auto w = window();
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("frontend")}, {});
    ListField *packages = field<ListField>(w.get(), "packages");
    QApplication::clipboard()->setText(
        QStringLiteral("{\"dependencies\": {\"react\": \"^18\", \"react-dom\": \"^18\"}}"));
    packages->setFocus();
    packages->paste();
    QCOMPARE(component(w.get(), "frontend")->workload.packages,
             QStringList({QStringLiteral("react"), QStringLiteral("react-dom")}));
    QCOMPARE(packages->toPlainText(), QStringLiteral("react\nreact-dom"));
    QApplication::clipboard()->setText(QStringLiteral("vite==5 ; extra\n# tooling\n"));
    packages->moveCursor(QTextCursor::End);
    packages->paste();
    QCOMPARE(component(w.get(), "frontend")->workload.packages,
             QStringList(
                 {QStringLiteral("react"), QStringLiteral("react-dom"), QStringLiteral("vite")}));
}

void TestUiInspector::environmentVariablesAreEditedInATable()
{
    auto w = window();
    QVERIFY(w);
    w->scene()->selectElements({QStringLiteral("llm-apis")}, {});
    QTableWidget *env = components(w.get())->environmentTable();
    QCOMPARE(env->rowCount(), 0);
    QPushButton *add = nullptr;
    for (auto *b : components(w.get())->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Add"))
            add = b;
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(component(w.get(), "llm-apis")->env.size(), size_t(1));
    QCOMPARE(env->rowCount(), 1);
    env->item(0, 0)->setText(QStringLiteral("API_KEY"));
    env->item(0, 1)->setCheckState(Qt::Checked);
    const auto &vars = component(w.get(), "llm-apis")->env;
    QCOMPARE(vars.size(), size_t(1));
    QCOMPARE(vars.front(), (EnvVar{QStringLiteral("API_KEY"), true, {}}));
    QTest::mouseClick(add, Qt::LeftButton);
    env->item(1, 0)->setText(QStringLiteral("API_KEY")); // a duplicate name is refused
    QCOMPARE(component(w.get(), "llm-apis")->env[1].name, QStringLiteral("NEW_VARIABLE"));
}

void TestUiInspector::connectionInspectorEditsProtocolViaAndPooling()
{
    auto w = window();
    QVERIFY(w);
    w->scene()->selectElements({}, {QStringLiteral("backend-to-database")});
    ConnectionInspector *page = w->inspector()->connectionPage();
    QCOMPARE(w->inspector()->currentPage(), page);
    QCOMPARE(page->protocolCombo()->currentData().toString(), QStringLiteral("sql"));
    QCOMPARE(page->pooledBox()->checkState(), Qt::Checked);
    QCOMPARE(page->viaCombo()->currentIndex(), 0); // direct
    page->protocolCombo()->setCurrentIndex(page->protocolCombo()->findData(QStringLiteral("tcp")));
    const Option *o = w->document()->currentOption();
    QCOMPARE(o->connection(QStringLiteral("backend-to-database"))->protocol, Protocol::Tcp);
    QCOMPARE(w->scene()->connectionItem(QStringLiteral("backend-to-database"))->visual().label,
             QStringLiteral("tcp (pooled)"));
    QTest::mouseClick(page->pooledBox(), Qt::LeftButton);
    QVERIFY(!o->connection(QStringLiteral("backend-to-database"))->pooled);
    page->viaCombo()->setCurrentIndex(page->viaCombo()->findData(QStringLiteral("frontend")));
    QCOMPARE(o->connection(QStringLiteral("backend-to-database"))->via, QStringLiteral("frontend"));

    // Two connections: the common protocol, edited together.
    w->scene()->selectElements(
        {}, {QStringLiteral("frontend-to-backend"), QStringLiteral("backend-to-llm-apis")});
    QCOMPARE(page->protocolCombo()->currentData().toString(), QStringLiteral("http"));
    page->protocolCombo()->setCurrentIndex(page->protocolCombo()->findData(QStringLiteral("grpc")));
    QCOMPARE(o->connection(QStringLiteral("frontend-to-backend"))->protocol, Protocol::Grpc);
    QCOMPARE(o->connection(QStringLiteral("backend-to-llm-apis"))->protocol, Protocol::Grpc);
    QCOMPARE(w->document()->undoStack()->undoText(),
             QStringLiteral("Edit protocol of 2 connections"));
}

void TestUiInspector::projectAssumptionsWhenNothingIsSelected()
{
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    ProjectInspector *page = w->inspector()->projectPage();
    QCOMPARE(w->inspector()->currentPage(), page);
    QCOMPARE(page->field(QStringLiteral("budget"))->lineEdit()->text(), QStringLiteral("80"));
    QCOMPARE(page->field(QStringLiteral("high"))->lineEdit()->text(), QStringLiteral("5"));
    QTest::keyClicks(page->field(QStringLiteral("p95"))->lineEdit(), QStringLiteral("300"));
    QTest::keyClicks(page->field(QStringLiteral("availability"))->lineEdit(),
                     QStringLiteral("99.9"));
    QLineEdit *high = page->field(QStringLiteral("high"))->lineEdit();
    high->selectAll();
    QTest::keyClicks(high, QStringLiteral("4"));
    const Assumptions &a = w->document()->project().assumptions;
    QCOMPARE(a.slo.p95Ms, std::optional<double>(300));
    QCOMPARE(a.slo.availabilityPct, std::optional<double>(99.9));
    QCOMPARE(a.trafficHigh, 4.0);
    QCOMPARE(w->document()->undoStack()->count(), 3);
    QLineEdit *availability = page->field(QStringLiteral("availability"))->lineEdit();
    QTest::keyClicks(availability, QStringLiteral("9")); // 99.99: still a valid percentage
    availability->selectAll();
    QTest::keyClicks(availability, QStringLiteral("150")); // refused: at most 100
    QCOMPARE(a.slo.availabilityPct, std::optional<double>(15));
    page->optionName()->end(false);
    QTest::keyClicks(page->optionName(), QStringLiteral(" (v2)"));
    QCOMPARE(w->document()->currentOption()->name,
             QStringLiteral("React on Workers + FastAPI on Cloud Run + Supabase (v2)"));
    QVERIFY(w->optionTabs()->tabToolTip(1).startsWith(
        QStringLiteral("React on Workers + FastAPI on Cloud Run + Supabase (v2)")));
    while (w->document()->undoStack()->canUndo())
        w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
    QCOMPARE(high->text(), QStringLiteral("5"));
}

void TestUiInspector::aLongNameDoesNotWidenTheInspector()
{
    // The inspector's width when a window opens does not depend on the project's name: a long
    // title wraps (or is cut) instead of squeezing the canvas.
    auto inspectorWidthFor = [this](const QString &name) {
        Project p = *loadProjectFile(examplePath()).project;
        p.name = name;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.stackplan.json"));
        if (!saveProjectFile(p, path))
            return -1;
        MainWindow w(&m_catalogue);
        w.resize(1440, 900);
        if (!w.openFile(path))
            return -1;
        w.show();
        if (!QTest::qWaitForWindowExposed(&w))
            return -1;
        QApplication::processEvents();
        return w.inspector()->width();
    };
    const int plain = inspectorWidthFor(QStringLiteral("Allogator"));
    QVERIFY(plain > 0);
    QCOMPARE(inspectorWidthFor(QStringLiteral("FastAPI with WebSockets, BAML and code execution, "
                                              "a name long enough to fill the inspector twice")),
             plain);
    QCOMPARE(inspectorWidthFor(QString(300, QLatin1Char('x'))), plain);
}

void TestUiInspector::trafficFieldsForQuotasAndConversions()
{
    // The traffic the engine's quotas and conversions read: the busiest day against daily caps,
    // WebSocket messages, message size, read replicas and vector indexes.
    auto w = window();
    QVERIFY(w);
    const QByteArray before = bytes(w->document()->project());
    w->scene()->selectElements({QStringLiteral("backend")}, {});
    for (const char *key :
         {"busiest-day", "websocket-messages", "message-kb", "read-replicas", "vector-indexes"})
        QVERIFY2(field<NumberField>(w.get(), key), key);
    QLineEdit *busiest = field<NumberField>(w.get(), "busiest-day")->lineEdit();
    busiest->selectAll();
    QTest::keyClicks(busiest, QStringLiteral("2.5"));
    QCOMPARE(component(w.get(), "backend")->traffic.busiestDayFactor, std::optional<double>(2.5));
    QLineEdit *replicas = field<NumberField>(w.get(), "read-replicas")->lineEdit();
    replicas->selectAll();
    QTest::keyClicks(replicas, QStringLiteral("2"));
    QCOMPARE(component(w.get(), "backend")->traffic.readReplicas, std::optional<int>(2));
    QCOMPARE(w->document()->undoStack()->count(), 2);
    auto *scroll = w->inspector()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QApplication::processEvents();
    scroll->ensureWidgetVisible(busiest);
    QApplication::processEvents();
    QVERIFY(busiest->height() > 10); // laid out, not squashed
    saveScreenshot(w.get(), QStringLiteral("inspector-traffic"));
    w->document()->undoStack()->undo();
    w->document()->undoStack()->undo();
    QCOMPARE(bytes(w->document()->project()), before);
}

QTEST_MAIN(TestUiInspector)
#include "test_ui_inspector.moc"
