// The editing API: every mutation is validated, atomic and reversible; invalid edits change
// nothing; views are told exactly what changed.
#include "editor/projecteditor.h"
#include "io/projectfile.h"
#include "layout/autoarrange.h"

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
    void alignLinesBoxesUpOnOneEdge();
    void distributeSpacesBoxesEvenly();
    void arrangeKeepsPinnedBoxesAndMovesOnlyWhatChanges();
    void multiSelectionEditsSkipUnchangedElements();
    void optionAndProjectBuildersSkipNoOps();
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
    const QStringList three{QStringLiteral("frontend"), QStringLiteral("database"),
                            QStringLiteral("llm-apis")};
    QTest::newRow("align") << alignEdit(p, kHybrid, three, Alignment::Top);
    QTest::newRow("distribute") << distributeEdit(p, kHybrid, three, Axis::Horizontal);
    QTest::newRow("pin") << setPinnedEdit(p, kHybrid, three, true);
    std::vector<Component> both;
    for (const char *id : {"frontend", "backend"}) {
        Component c = *p.option(kHybrid)->component(QString::fromLatin1(id));
        c.region = QStringLiteral("eu");
        both.push_back(c);
    }
    QTest::newRow("multi-selection field edit")
        << updateComponentsEdit(p, kHybrid, both, QStringLiteral("Edit region"));
    Connection conn = *p.option(kHybrid)->connection(QStringLiteral("backend-to-database"));
    conn.protocol = Protocol::Tcp;
    conn.pooled = false;
    QTest::newRow("connection edit")
        << updateConnectionsEdit(p, kHybrid, {conn}, QStringLiteral("Edit connection"));
    QTest::newRow("option rename") << optionInfoEdit(p, kHybrid, QStringLiteral("Hybrid"), {});
    QTest::newRow("option reorder (builder)")
        << moveOptionEdit(p, QStringLiteral("edge-rewrite"), 0);
    QTest::newRow("baseline") << setBaselineEdit(p, QStringLiteral("edge-rewrite"));
    QTest::newRow("options reordered")
        << reorderOptionsEdit(p, {QStringLiteral("edge-rewrite"), QStringLiteral("all-workers"),
                                  QStringLiteral("hybrid")});
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
    QCOMPARE(uniqueId(QStringLiteral("api"), QStringList{"api", "api-2"}), QStringLiteral("api-3"));
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

void TestModel::alignLinesBoxesUpOnOneEdge()
{
    ProjectEditor editor(fixture());
    const QStringList ids{QStringLiteral("backend"), QStringLiteral("database"),
                          QStringLiteral("llm-apis")};
    QVERIFY(alignEdit(editor.project(), kHybrid, {QStringLiteral("backend")}, Alignment::Left)
                .isEmpty()); // one box has nothing to align with
    const auto &layout = editor.project().option(kHybrid)->layout;
    double topY = 1e9;
    for (const auto &id : ids)
        topY = std::min(topY, layout.at(id).y);
    const double llmX = layout.at(QStringLiteral("llm-apis")).x;
    const Edit top = alignEdit(editor.project(), kHybrid, ids, Alignment::Top);
    QCOMPARE(top.text, QStringLiteral("Align 3 components"));
    QVERIFY(editor.apply(top).ok());
    for (const auto &id : ids)
        QCOMPARE(layout.at(id).y, topY);
    QCOMPARE(layout.at(QStringLiteral("llm-apis")).x, llmX); // only the one axis changes
    QVERIFY(alignEdit(editor.project(), kHybrid, ids, Alignment::Top).isEmpty());
    double right = -1e9; // the rightmost left edge: boxes have one width
    for (const auto &id : ids)
        right = std::max(right, layout.at(id).x);
    QVERIFY(editor.apply(alignEdit(editor.project(), kHybrid, ids, Alignment::Right)).ok());
    for (const auto &id : ids)
        QCOMPARE(layout.at(id).x, right);
    QVERIFY(alignEdit(editor.project(), kHybrid, ids, Alignment::HorizontalCenter)
                .isEmpty()); // already centred on one line: nothing to do
}

void TestModel::distributeSpacesBoxesEvenly()
{
    Project p = fixture();
    auto &layout = p.option(kHybrid)->layout;
    layout[QStringLiteral("frontend")] = LayoutEntry{0, 0, false};
    layout[QStringLiteral("backend")] = LayoutEntry{100, 40, false};
    layout[QStringLiteral("database")] = LayoutEntry{800, 80, true};
    ProjectEditor editor(p);
    const QStringList ids{QStringLiteral("database"), QStringLiteral("frontend"),
                          QStringLiteral("backend")};
    QVERIFY(distributeEdit(editor.project(), kHybrid, ids.mid(0, 2), Axis::Horizontal).isEmpty());
    QVERIFY(editor.apply(distributeEdit(editor.project(), kHybrid, ids, Axis::Horizontal)).ok());
    const auto &after = editor.project().option(kHybrid)->layout;
    QCOMPARE(after.at(QStringLiteral("frontend")).x, 0.0);
    QCOMPARE(after.at(QStringLiteral("backend")), (LayoutEntry{400, 40, false}));
    QCOMPARE(after.at(QStringLiteral("database")), (LayoutEntry{800, 80, true})); // pin kept
}

void TestModel::arrangeKeepsPinnedBoxesAndMovesOnlyWhatChanges()
{
    Project p = fixture();
    auto &layout = p.option(kHybrid)->layout;
    layout[QStringLiteral("database")] = LayoutEntry{2000, 800, true};
    layout[QStringLiteral("backend")] = LayoutEntry{16, 480, false};
    ProjectEditor editor(p);
    const Edit e = arrangeEdit(editor.project(), kHybrid);
    QCOMPARE(e.text, QStringLiteral("Auto-arrange"));
    QCOMPARE(e.ops.size(), size_t(1));
    const auto &set = std::get<op::SetLayout>(e.ops.front());
    QVERIFY(set.entries.count(QStringLiteral("backend")));
    QVERIFY(!set.entries.count(QStringLiteral("database"))); // pinned
    QVERIFY(!set.entries.count(QStringLiteral("browser")));  // already in place
    QVERIFY(!set.entries.count(QStringLiteral("frontend")));
    const QByteArray before = serializeProject(editor.project());
    const auto done = editor.apply(e);
    QVERIFY(done.ok());
    const QByteArray after = serializeProject(editor.project());
    QVERIFY(editor.apply(*done.inverse).ok());
    QCOMPARE(serializeProject(editor.project()), before);
    QVERIFY(editor.apply(e).ok());
    QCOMPARE(serializeProject(editor.project()), after);
    QCOMPARE(editor.project().option(kHybrid)->layout.at(QStringLiteral("backend")).x,
             2 * kTierSpacing);
    QCOMPARE(editor.project().option(kHybrid)->layout.at(QStringLiteral("database")),
             (LayoutEntry{2000, 800, true}));
    QVERIFY(arrangeEdit(editor.project(), kHybrid).isEmpty()); // idempotent

    // A new box is arranged like the others, and pinning keeps it where the user put it.
    Component cache = makeComponent(QStringLiteral("cache"), Role::Cache);
    QVERIFY(editor.apply(addComponentEdit(editor.project(), kHybrid, cache, {8, 8, false})).ok());
    const Edit again = arrangeEdit(editor.project(), kHybrid);
    QCOMPARE(std::get<op::SetLayout>(again.ops.front()).entries.count(QStringLiteral("cache")),
             size_t(1));
    QVERIFY(editor.apply(setPinnedEdit(editor.project(), kHybrid, {QStringLiteral("cache")}, true))
                .ok());
    QVERIFY(editor.project().option(kHybrid)->layout.at(QStringLiteral("cache")).pinned);
    QCOMPARE(editor.project().option(kHybrid)->layout.at(QStringLiteral("cache")).x, 8.0);
}

void TestModel::multiSelectionEditsSkipUnchangedElements()
{
    ProjectEditor editor(fixture());
    const Option *o = editor.project().option(kHybrid);
    Component a = *o->component(QStringLiteral("frontend"));
    Component b = *o->component(QStringLiteral("backend"));
    b.workload.memoryMb = 1024;
    const Edit e = updateComponentsEdit(editor.project(), kHybrid, {a, b}, QStringLiteral("Edit"));
    QCOMPARE(e.ops.size(), size_t(1)); // frontend is unchanged
    QVERIFY(updateComponentsEdit(editor.project(), kHybrid, {a}, QStringLiteral("x")).isEmpty());
    QVERIFY(editor.apply(e).ok());
    QCOMPARE(
        editor.project().option(kHybrid)->component(QStringLiteral("backend"))->workload.memoryMb,
        std::optional<double>(1024));
    Connection c = *o->connection(QStringLiteral("frontend-to-backend"));
    QVERIFY(updateConnectionsEdit(editor.project(), kHybrid, {c}, QStringLiteral("x")).isEmpty());
    c.via = QStringLiteral("ghost");
    const auto bad
        = editor.apply(updateConnectionsEdit(editor.project(), kHybrid, {c}, QStringLiteral("x")));
    QCOMPARE(bad.error, QStringLiteral("connection via missing component \"ghost\""));
}

void TestModel::optionAndProjectBuildersSkipNoOps()
{
    const Project p = fixture();
    QVERIFY(moveOptionEdit(p, kHybrid, 1).isEmpty());
    QVERIFY(moveOptionEdit(p, QStringLiteral("nope"), 0).isEmpty());
    QCOMPARE(moveOptionEdit(p, kHybrid, 99).ops.size(), size_t(1)); // clamped to the end
    QVERIFY(setBaselineEdit(p, kHybrid).isEmpty());
    QVERIFY(reorderOptionsEdit(p, optionIds(p)).isEmpty());
    QVERIFY(reorderOptionsEdit(p, {kHybrid}).isEmpty()); // not a permutation
    ProjectEditor editor(p);
    const QStringList order{QStringLiteral("hybrid"), QStringLiteral("edge-rewrite"),
                            QStringLiteral("all-workers")};
    QVERIFY(editor.apply(reorderOptionsEdit(p, order)).ok());
    QCOMPARE(optionIds(editor.project()), order);
    QVERIFY(optionInfoEdit(p, kHybrid, p.option(kHybrid)->name, p.option(kHybrid)->description)
                .isEmpty());
    QCOMPARE(optionInfoEdit(p, kHybrid, QStringLiteral("Hybrid"), {}).text,
             QStringLiteral("Rename option React on Workers + FastAPI on Cloud Run + Supabase to "
                            "Hybrid"));
    QVERIFY(projectInfoEdit(p, p.name, p.description, p.assumptions).isEmpty());
    Assumptions a = p.assumptions;
    a.slo.availabilityPct = 99.9;
    QCOMPARE(projectInfoEdit(p, p.name, p.description, a).text,
             QStringLiteral("Edit project assumptions"));
}

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
