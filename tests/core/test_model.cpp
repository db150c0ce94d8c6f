// The editing API: every mutation is validated, atomic and reversible; invalid edits change
// nothing; views are told exactly what changed.
#include "editor/projecteditor.h"
#include "io/projectfile.h"

#include <QSignalSpy>
#include <QtTest>

using namespace stackplan;

Q_DECLARE_METATYPE(stackplan::Edit)

namespace {

Project fixture()
{
    const ProjectLoad load = loadProjectFile(
        QStringLiteral(STACKPLAN_SOURCE_DIR "/resources/examples/allogator.stackplan.json"));
    Q_ASSERT(load.ok());
    return *load.project;
}

Component makeComponent(const QString &id, Role role)
{
    Component c;
    c.id = id;
    c.name = id;
    c.role = role;
    return c;
}

const QString kHybrid = QStringLiteral("hybrid");

} // namespace

class TestModel : public QObject
{
    Q_OBJECT
private slots:
    void invalidEditsAreRejectedAndChangeNothing_data();
    void invalidEditsAreRejectedAndChangeNothing();
    void doUndoRedoIsByteIdentical_data();
    void doUndoRedoIsByteIdentical();
    void deletingABoxRemovesItsConnectionsInOneEdit();
    void notificationsNameWhatChanged();
    void idsAreReadableAndUnique();
    void pasteKeepsConnectionsBetweenCopiedBoxes();
    void duplicateOptionIsADeepCopyWithLayout();
    void removingTheBaselineChoosesAnotherFirst();
};

void TestModel::invalidEditsAreRejectedAndChangeNothing_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("error");
    auto row = [](const char *name, std::vector<EditOp> ops, const char *error) {
        QTest::newRow(name) << Edit{QStringLiteral("t"), std::move(ops)}
                            << QString::fromUtf8(error);
    };
    row("duplicate component id",
        {op::AddComponent{kHybrid, makeComponent("backend", Role::Cache), -1, {}}},
        "duplicate component id \"backend\"");
    row("invalid component id",
        {op::AddComponent{kHybrid, makeComponent("Back End", Role::Cache), -1, {}}},
        "invalid component id \"Back End\"");
    row("unknown role",
        {op::AddComponent{kHybrid, makeComponent("x", static_cast<Role>(99)), -1, {}}},
        "component \"x\" has an unknown role");
    row("unknown option",
        {op::AddComponent{QStringLiteral("nope"), makeComponent("x", Role::Cache), -1, {}}},
        "no option \"nope\"");
    row("dangling connection",
        {op::AddConnection{kHybrid,
                           Connection{QStringLiteral("c"),
                                      QStringLiteral("backend"),
                                      QStringLiteral("ghost"),
                                      Protocol::Http,
                                      {},
                                      false},
                           -1}},
        "connection to missing component \"ghost\"");
    row("self connection",
        {op::AddConnection{kHybrid,
                           Connection{QStringLiteral("c"),
                                      QStringLiteral("backend"),
                                      QStringLiteral("backend"),
                                      Protocol::Http,
                                      {},
                                      false},
                           -1}},
        "a connection cannot start and end at \"backend\"");
    row("via missing",
        {op::AddConnection{kHybrid,
                           Connection{QStringLiteral("c"), QStringLiteral("backend"),
                                      QStringLiteral("database"), Protocol::Sql,
                                      QStringLiteral("pool"), false},
                           -1}},
        "connection via missing component \"pool\"");
    row("unknown protocol",
        {op::AddConnection{kHybrid,
                           Connection{QStringLiteral("c"),
                                      QStringLiteral("backend"),
                                      QStringLiteral("database"),
                                      static_cast<Protocol>(77),
                                      {},
                                      false},
                           -1}},
        "connection \"c\" has an unknown protocol");
    row("duplicate connection id",
        {op::AddConnection{kHybrid,
                           Connection{QStringLiteral("frontend-to-backend"),
                                      QStringLiteral("backend"),
                                      QStringLiteral("database"),
                                      Protocol::Sql,
                                      {},
                                      false},
                           -1}},
        "duplicate connection id \"frontend-to-backend\"");
    row("remove component that still has connections",
        {op::RemoveComponent{kHybrid, QStringLiteral("backend")}},
        "component \"backend\" still has connections");
    row("remove missing connection", {op::RemoveConnection{kHybrid, QStringLiteral("nope")}},
        "no connection \"nope\"");
    row("update missing component",
        {op::UpdateComponent{kHybrid, makeComponent("ghost", Role::Cache)}},
        "no component \"ghost\"");
    row("layout for missing component",
        {op::SetLayout{kHybrid, {{QStringLiteral("ghost"), LayoutEntry{}}}}},
        "no component \"ghost\"");
    row("remove baseline option", {op::RemoveOption{kHybrid}},
        "option \"hybrid\" is the baseline; choose another baseline first");
    row("duplicate option id",
        {op::AddOption{Option{QStringLiteral("hybrid"), QStringLiteral("X"), {}, {}, {}, {}}, -1}},
        "duplicate option id \"hybrid\"");
    row("baseline to missing option", {op::SetBaseline{QStringLiteral("nope")}},
        "no option \"nope\"");
    row("empty option name", {op::UpdateOptionInfo{kHybrid, QStringLiteral("  "), {}}},
        "an option needs a name");
    row("zero traffic multiplier",
        {op::SetProjectInfo{QStringLiteral("P"), {}, Assumptions{0, 1, 3, {}, {}}}},
        "traffic multipliers must be positive");
    // Compound edits are atomic: the first two ops succeed, the third fails, nothing remains.
    row("compound edit rolls back completely",
        {op::AddComponent{kHybrid, makeComponent("cache", Role::Cache), -1,
                          LayoutEntry{5, 5, false}},
         op::AddConnection{kHybrid,
                           Connection{QStringLiteral("backend-to-cache"),
                                      QStringLiteral("backend"),
                                      QStringLiteral("cache"),
                                      Protocol::Redis,
                                      {},
                                      false},
                           -1},
         op::RemoveComponent{kHybrid, QStringLiteral("database")}},
        "component \"database\" still has connections");
}

void TestModel::invalidEditsAreRejectedAndChangeNothing()
{
    QFETCH(Edit, edit);
    QFETCH(QString, error);
    ProjectEditor editor(fixture());
    const QByteArray before = serializeProject(editor.project());
    QSignalSpy changed(&editor, &ProjectEditor::changed);
    QSignalSpy added(&editor, &ProjectEditor::componentAdded);
    const auto result = editor.apply(edit);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(serializeProject(editor.project()), before);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(added.count(), 0);
}

void TestModel::doUndoRedoIsByteIdentical_data()
{
    QTest::addColumn<Edit>("edit");
    const Project p = fixture();
    Component cache = makeComponent("cache", Role::Cache);
    cache.name = QStringLiteral("Session cache");
    QTest::newRow("add") << addComponentEdit(p, kHybrid, cache, LayoutEntry{40, 80, false});
    QTest::newRow("delete with connections")
        << removeElementsEdit(p, kHybrid, {QStringLiteral("backend")}, {});
    QTest::newRow("delete connection")
        << removeElementsEdit(p, kHybrid, {}, {QStringLiteral("frontend-to-backend")});
    QTest::newRow("move") << moveEdit(p, kHybrid,
                                      {{QStringLiteral("backend"), LayoutEntry{7, 9, true}},
                                       {QStringLiteral("database"), LayoutEntry{-3, 2, false}}});
    QTest::newRow("connect") << connectEdit(p, kHybrid, QStringLiteral("browser"),
                                            QStringLiteral("backend"));
    Component changed = *p.option(kHybrid)->component(QStringLiteral("backend"));
    changed.workload.memoryMb = 2048;
    changed.name = QStringLiteral("Renamed");
    QTest::newRow("field edit") << updateComponentEdit(p, kHybrid, changed,
                                                       QStringLiteral("Edit backend"));
    Component rebound = *p.option(kHybrid)->component(QStringLiteral("backend"));
    rebound.binding = Binding{QStringLiteral("fly-machines"), QStringLiteral("payg"),
                              QStringLiteral("shared-cpu-1x-1gb")};
    QTest::newRow("binding change")
        << updateComponentEdit(p, kHybrid, rebound, QStringLiteral("Bind backend"));
    QTest::newRow("option duplicate") << duplicateOptionEdit(p, kHybrid, QString());
    QTest::newRow("option add") << addOptionEdit(p, QStringLiteral("Fly.io"));
    QTest::newRow("option remove (baseline)") << removeOptionEdit(p, kHybrid);
    Edit reorder;
    reorder.ops.push_back(op::MoveOption{QStringLiteral("edge-rewrite"), 0});
    QTest::newRow("option reorder") << reorder;
    const Clipboard clip
        = copyElements(*p.option(kHybrid), {QStringLiteral("backend"), QStringLiteral("database")});
    QTest::newRow("paste") << pasteEdit(p, kHybrid, clip, 24, 24);
    QTest::newRow("paste across options")
        << pasteEdit(p, QStringLiteral("edge-rewrite"), clip, 0, 300);
    Assumptions a = p.assumptions;
    a.slo.p95Ms = 300;
    a.monthlyBudget.reset();
    Edit info;
    info.ops.push_back(op::SetProjectInfo{QStringLiteral("Renamed"), QStringLiteral("d"), a});
    QTest::newRow("project info") << info;
}

void TestModel::doUndoRedoIsByteIdentical()
{
    QFETCH(Edit, edit);
    QVERIFY(!edit.isEmpty());
    ProjectEditor editor(fixture());
    const QByteArray before = serializeProject(editor.project());
    const auto done = editor.apply(edit);
    QVERIFY2(done.ok(), qPrintable(done.error));
    const QByteArray after = serializeProject(editor.project());
    QVERIFY(after != before);
    const auto undone = editor.apply(*done.inverse);
    QVERIFY2(undone.ok(), qPrintable(undone.error));
    QCOMPARE(serializeProject(editor.project()), before);
    const auto redone = editor.apply(*undone.inverse);
    QVERIFY2(redone.ok(), qPrintable(redone.error));
    QCOMPARE(serializeProject(editor.project()), after);
}

void TestModel::deletingABoxRemovesItsConnectionsInOneEdit()
{
    ProjectEditor editor(fixture());
    const Edit e = removeElementsEdit(editor.project(), kHybrid, {QStringLiteral("backend")}, {});
    QCOMPARE(e.text, QStringLiteral("Delete FastAPI backend"));
    QCOMPARE(e.ops.size(), size_t(4)); // three connections, then the component
    QVERIFY(editor.apply(e).ok());
    const Option *o = editor.project().option(kHybrid);
    QCOMPARE(o->components.size(), size_t(4));
    QCOMPARE(connectionIds(*o), QStringList({"browser-to-frontend"}));
    QVERIFY(!o->layout.count(QStringLiteral("backend")));
}

void TestModel::notificationsNameWhatChanged()
{
    ProjectEditor editor(fixture());
    QSignalSpy added(&editor, &ProjectEditor::componentAdded);
    QSignalSpy connAdded(&editor, &ProjectEditor::connectionAdded);
    QSignalSpy layout(&editor, &ProjectEditor::layoutChanged);
    QSignalSpy changed(&editor, &ProjectEditor::changed);
    Edit e = addComponentEdit(editor.project(), kHybrid, makeComponent("cache", Role::Cache),
                              LayoutEntry{1, 2, false});
    const Edit c = connectEdit(editor.project(), kHybrid, QStringLiteral("backend"),
                               QStringLiteral("database"));
    QVERIFY(editor.apply(e).ok());
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toString(), kHybrid);
    QCOMPARE(added.at(0).at(1).toString(), QStringLiteral("cache"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(editor
                .apply(moveEdit(editor.project(), kHybrid,
                                {{QStringLiteral("cache"), LayoutEntry{9, 9, false}}}))
                .ok());
    QCOMPARE(layout.count(), 1);
    QCOMPARE(layout.at(0).at(1).toStringList(), QStringList({"cache"}));
    QVERIFY(editor.apply(c).ok());
    QCOMPARE(connAdded.count(), 1);
    QCOMPARE(connAdded.at(0).at(1).toString(), QStringLiteral("backend-to-database-2"));
    QCOMPARE(editor.project()
                 .option(kHybrid)
                 ->connection(QStringLiteral("backend-to-database-2"))
                 ->protocol,
             Protocol::Sql);
    QCOMPARE(changed.count(), 3);
}

void TestModel::idsAreReadableAndUnique()
{
    QCOMPARE(slugify(QStringLiteral("FastAPI backend (v2)")), QStringLiteral("fastapi-backend-v2"));
    QCOMPARE(slugify(QStringLiteral("Café Über")), QStringLiteral("cafe-uber"));
    QCOMPARE(slugify(QStringLiteral("!!!")), QStringLiteral("item"));
    QCOMPARE(uniqueId(QStringLiteral("api"), {"api", "api-2"}), QStringLiteral("api-3"));
    ProjectEditor editor(fixture());
    Component c = makeComponent(QString(), Role::Backend);
    c.name = QStringLiteral("FastAPI backend");
    const Edit e = addComponentEdit(editor.project(), kHybrid, c, {});
    QVERIFY(editor.apply(e).ok());
    QVERIFY(editor.project().option(kHybrid)->component(QStringLiteral("fastapi-backend")));
}

void TestModel::pasteKeepsConnectionsBetweenCopiedBoxes()
{
    ProjectEditor editor(fixture());
    const Clipboard clip = copyElements(
        *editor.project().option(kHybrid),
        {QStringLiteral("frontend"), QStringLiteral("backend"), QStringLiteral("database")});
    QCOMPARE(clip.components.size(), size_t(3));
    QCOMPARE(clip.connections.size(),
             size_t(2)); // frontend→backend, backend→database; not browser→frontend
    QStringList newIds;
    QVERIFY(editor.apply(pasteEdit(editor.project(), kHybrid, clip, 16, 16, &newIds)).ok());
    QCOMPARE(newIds, QStringList({"frontend-2", "backend-2", "database-2"}));
    const Option *o = editor.project().option(kHybrid);
    const Connection *pasted = o->connection(QStringLiteral("backend-2-to-database-2"));
    QVERIFY(pasted);
    QVERIFY(pasted->pooled);
    QCOMPARE(o->layout.at(QStringLiteral("backend-2")).x,
             o->layout.at(QStringLiteral("backend")).x + 16);
}

void TestModel::duplicateOptionIsADeepCopyWithLayout()
{
    ProjectEditor editor(fixture());
    QVERIFY(
        editor
            .apply(duplicateOptionEdit(editor.project(), kHybrid, QStringLiteral("Hybrid on Fly")))
            .ok());
    const Option *copy = editor.project().option(QStringLiteral("hybrid-on-fly"));
    QVERIFY(copy);
    QCOMPARE(editor.project().optionIndex(QStringLiteral("hybrid-on-fly")),
             2); // right after the original
    const Option *orig = editor.project().option(kHybrid);
    QVERIFY(copy->components == orig->components);
    QVERIFY(copy->layout == orig->layout);
    // Independent: editing the copy leaves the original alone.
    Component c = *copy->component(QStringLiteral("backend"));
    c.binding = Binding{QStringLiteral("fly-machines"), QStringLiteral("payg"), {}};
    QVERIFY(editor
                .apply(updateComponentEdit(editor.project(), QStringLiteral("hybrid-on-fly"), c,
                                           QStringLiteral("x")))
                .ok());
    QCOMPARE(
        editor.project().option(kHybrid)->component(QStringLiteral("backend"))->binding.profile,
        QStringLiteral("google-cloud-run"));
}

void TestModel::removingTheBaselineChoosesAnotherFirst()
{
    ProjectEditor editor(fixture());
    const Edit e = removeOptionEdit(editor.project(), kHybrid);
    QVERIFY(editor.apply(e).ok());
    QCOMPARE(editor.project().baseline, QStringLiteral("all-workers"));
    QCOMPARE(optionIds(editor.project()), QStringList({"all-workers", "edge-rewrite"}));
    // The last option cannot be removed.
    QVERIFY(editor.apply(removeOptionEdit(editor.project(), QStringLiteral("edge-rewrite"))).ok());
    QVERIFY(removeOptionEdit(editor.project(), QStringLiteral("all-workers")).isEmpty());
    Edit last;
    last.ops.push_back(op::RemoveOption{QStringLiteral("all-workers")});
    QCOMPARE(editor.apply(last).error, QStringLiteral("a project keeps at least one option"));
}

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
