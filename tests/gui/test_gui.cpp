// The editor driven through its real widgets, offscreen: palette drops,
// edge drawing, inspector edits (valid and refused), undo/redo back to the
// identical model, save/reopen, crash recovery, cross-window paste, locks.
#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "app/gui/FileController.h"
#include "app/gui/MainActions.h"
#include "app/gui/MainWindow.h"
#include "model/JsonFormat.h"
#include "tests/gui/GuiFixture.h"
#include "views/document/RecoveryStore.h"
#include "views/inspector/NumberField.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/LinkItem.h"
#include "views/views.h"

using namespace sw;
using namespace sw::testing;

class TestGui : public QObject {
    Q_OBJECT

    std::unique_ptr<app::MainWindow> openWindow(const Project& p = smallProject()) {
        auto w = shownWindow(p);
        if (!w) return nullptr;
        w->view()->zoomReset();
        w->view()->centerOn(QPointF(240, 200));
        QApplication::processEvents();
        return w;
    }
    static std::string json(const app::MainWindow& w) { return projectToJson(w.document()->project()); }
    static void settle() {
        QApplication::processEvents();
        QApplication::processEvents();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void dropFromPaletteCreatesComponentInsideZone() {
        auto w = openWindow();
        QVERIFY(w);
        QSignalSpy added(w->document(), &views::DesignDocument::componentAdded);
        // Drop a cache at scene (600, 360): inside zone z1 of region r1.
        dropFromPalette(w->view(), QStringLiteral("cache"), at(w->view(), 600, 360));
        QCOMPARE(added.count(), 1);
        const std::string id = added.front().front().toString().toStdString();
        const Component* c = w->document()->component(id);
        QVERIFY(c);
        QCOMPARE(c->kind, ComponentKind::Cache);
        QCOMPARE(c->region, std::string("r1"));
        QCOMPARE(c->zone, std::string("z1"));
        // Centred on the drop point and snapped to the 16 px grid.
        QVERIFY(std::abs(c->x + views::kNodeWidth / 2 - 600) <= 8);
        QVERIFY(std::abs(c->y + views::kNodeHeight / 2 - 360) <= 8);
        QCOMPARE(std::fmod(c->x, views::kGridSize), 0.0);
        QVERIFY(w->scene()->componentItem(QString::fromStdString(id)));
        // Dropped outside every container, a service belongs to no region (and is flagged).
        dropFromPalette(w->view(), QStringLiteral("service"), at(w->view(), -200, 620));
        const Component* outside = w->document()->component(added.back().front().toString().toStdString());
        QVERIFY(outside && outside->region.empty() && outside->zone.empty());
        settle();
        QVERIFY(!w->scene()->componentItem(QString::fromStdString(outside->id))->overlay().problems.isEmpty());
        // A zone dropped outside a region is refused; nothing is added.
        const auto zones = w->document()->design().zones.size();
        dropFromPalette(w->view(), QStringLiteral("zone"), at(w->view(), -400, 900));
        QCOMPARE(w->document()->design().zones.size(), zones);
    }

    void dragBetweenComponentsDrawsEdges() {
        auto w = openWindow();
        QVERIFY(w);
        QSignalSpy linkAdded(w->document(), &views::DesignDocument::linkAdded);
        // Drag from the API's connection handle (right edge middle) to the user group? Refused: calls never end at users.
        // Drag from the balancer's handle to a fresh database.
        w->scene()->editor()->addComponent(ComponentKind::Database, QPointF(400, 320));
        const std::string db = w->document()->design().components.back().id;
        drag(w->view(), at(w->view(), 400 + 160, 160 + 32), at(w->view(), 480, 352));
        QCOMPARE(linkAdded.count(), 1);
        const Link& call = w->document()->design().links.back();
        QCOMPARE(call.from, std::string("api"));
        QCOMPARE(call.to, db);
        QCOMPARE(call.kind, LinkKind::Call);
        QVERIFY(w->scene()->linkItem(QString::fromStdString(call.id)));
        // The replication tool draws dashed replication edges between two stores.
        w->scene()->editor()->addComponent(ComponentKind::Database, QPointF(640, 320));
        const std::string replica = w->document()->design().components.back().id;
        w->scene()->setTool(views::DiagramScene::Tool::ConnectReplication);
        drag(w->view(), at(w->view(), 480, 352), at(w->view(), 720, 352));
        QCOMPARE(linkAdded.count(), 2);
        const Link& repl = w->document()->design().links.back();
        QCOMPARE(repl.kind, LinkKind::Replication);
        QCOMPARE(repl.from, db);
        QCOMPARE(repl.to, replica);
        QCOMPARE(repl.mode, LinkMode::Async);
        QVERIFY(w->scene()->linkItem(QString::fromStdString(repl.id))->label().contains(QStringLiteral("async")));
        // A drag that ends on empty canvas adds nothing; nor does a second identical edge.
        drag(w->view(), at(w->view(), 480, 352), at(w->view(), 480, 700));
        drag(w->view(), at(w->view(), 480, 352), at(w->view(), 720, 352));
        QCOMPARE(linkAdded.count(), 2);
    }

    void inspectorEditIsOneUndoableCommand() {
        auto w = openWindow();
        QVERIFY(w);
        views::Selection s;
        s.components.insert("api");
        w->scene()->selectIds(s);
        QCOMPARE(w->inspector()->subjectId(), QStringLiteral("api"));
        views::NumberField* instances = w->inspector()->field(QStringLiteral("instances"));
        QVERIFY(instances);
        QSignalSpy changed(w->document(), &views::DesignDocument::componentChanged);
        const int before = w->document()->undoStack()->count();
        instances->editor()->setText(QStringLiteral("6"));
        instances->commitText();
        QCOMPARE(w->document()->component("api")->params.instances, 6.0);
        QCOMPARE(w->document()->undoStack()->count(), before + 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.front().front().toString(), QStringLiteral("api"));
        w->document()->undoStack()->undo();
        QCOMPARE(w->document()->component("api")->params.instances, 1.0);
        QCOMPARE(instances->editor()->text(), QStringLiteral("1"));   // the inspector follows undo
        // Fields that do not apply to the kind are not offered.
        QVERIFY(!w->inspector()->field(QStringLiteral("hit_ratio")));
    }

    // Shrinking a container leaves out what it no longer covers, growing it
    // takes in what it now covers, as a drop would; one undo restores all.
    void containerResizeReHomesComponents() {
        auto w = openWindow();
        QVERIFY(w);
        views::CanvasEditor* ed = w->scene()->editor();
        const std::string original = json(*w);
        // The zone shrinks to its left third: the API card (centre x = 480) is outside it, still in the region.
        ed->commitResize(w->scene()->zoneItem(QStringLiteral("z1")), QRectF(32, 48, 300, 400));
        QCOMPARE(w->document()->component("api")->zone, std::string());
        QCOMPARE(w->document()->component("api")->region, std::string("r1"));
        QCOMPARE(w->document()->component("lb")->zone, std::string("z1"));
        // The region shrinks too: the API card is now outside every container.
        ed->commitResize(w->scene()->regionItem(QStringLiteral("r1")), QRectF(0, 0, 360, 480));
        QCOMPARE(w->document()->component("api")->region, std::string());
        QCOMPARE(w->document()->component("lb")->region, std::string("r1"));
        // Growing the zone back takes the card in again.
        ed->commitResize(w->scene()->regionItem(QStringLiteral("r1")), QRectF(0, 0, 800, 480));
        ed->commitResize(w->scene()->zoneItem(QStringLiteral("z1")), QRectF(32, 48, 736, 400));
        QCOMPARE(w->document()->component("api")->zone, std::string("z1"));
        for (int i = 0; i < 4; ++i) w->document()->undoStack()->undo();
        QCOMPARE(json(*w), original);
    }

    void invalidInspectorInputIsRefusedWithReason() {
        auto w = openWindow();
        QVERIFY(w);
        views::Selection s;
        s.components.insert("api");
        w->scene()->selectIds(s);
        views::NumberField* instances = w->inspector()->field(QStringLiteral("instances"));
        views::NumberField* avail = w->inspector()->field(QStringLiteral("availability"));
        QVERIFY(instances && avail);
        const std::string before = json(*w);
        const int commands = w->document()->undoStack()->count();
        QSignalSpy changed(w->document(), &views::DesignDocument::componentChanged);
        instances->editor()->setText(QStringLiteral("-3"));
        instances->commitText();
        QVERIFY2(instances->error().contains(QStringLiteral("below the minimum 1")), qPrintable(instances->error()));
        instances->editor()->setText(QStringLiteral("2.5"));
        instances->commitText();
        QVERIFY(instances->error().contains(QStringLiteral("whole number")));
        instances->editor()->setText(QStringLiteral("many"));
        instances->commitText();
        QVERIFY(instances->error().contains(QStringLiteral("not a number")));
        avail->editor()->setText(QStringLiteral("1.5"));
        avail->commitText();
        QVERIFY(avail->error().contains(QStringLiteral("above the maximum 1")));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(w->document()->undoStack()->count(), commands);
        QCOMPARE(json(*w), before);
        // A valid value afterwards clears the message and applies.
        avail->editor()->setText(QStringLiteral("0.999"));
        avail->commitText();
        QVERIFY(avail->error().isEmpty());
        QCOMPARE(w->document()->component("api")->params.availability, 0.999);
    }

    void undoRedoWholeChainRestoresIdenticalModel() {
        auto w = openWindow();
        QVERIFY(w);
        QUndoStack* stack = w->document()->undoStack();
        const std::string initial = json(*w);
        dropFromPalette(w->view(), QStringLiteral("database"), at(w->view(), 480, 352));   // 1 add
        const std::string db = w->document()->design().components.back().id;
        drag(w->view(), at(w->view(), 560, 192), at(w->view(), 480, 352));                    // 2 connect api -> db
        views::Selection s;
        s.components.insert(db);
        w->scene()->selectIds(s);
        views::NumberField* storage = w->inspector()->field(QStringLiteral("storage_gb"));
        QVERIFY(storage);
        storage->editor()->setText(QStringLiteral("750"));
        storage->commitText();                                                                // 3 edit
        drag(w->view(), at(w->view(), 440, 350), at(w->view(), 540, 390));                    // 4 move (one command)
        w->scene()->editor()->duplicateSelection();                                          // 5 duplicate
        s.components = {"lb"};
        w->scene()->selectIds(s);
        w->scene()->editor()->deleteSelection();                                             // 6 delete (with its edges)
        QCOMPARE(stack->count(), 6);
        QVERIFY(!w->document()->component("lb"));
        const std::string edited = json(*w);
        QVERIFY(edited != initial);
        while (stack->canUndo()) stack->undo();
        QCOMPARE(json(*w), initial);
        QCOMPARE(w->scene()->componentItems().size(), qsizetype(3));
        while (stack->canRedo()) stack->redo();
        QCOMPARE(json(*w), edited);
    }

    void movesMergePerDragAndNudgesMerge() {
        auto w = openWindow();
        QVERIFY(w);
        QUndoStack* stack = w->document()->undoStack();
        drag(w->view(), at(w->view(), 450, 180), at(w->view(), 530, 260));
        QCOMPARE(stack->count(), 1);
        const Component* api = w->document()->component("api");
        QCOMPARE(api->x, 480.0);
        QCOMPARE(api->y, 240.0);
        QVERIFY(w->scene()->selection().components.count("api"));
        w->view()->setFocus();
        QTest::keyClick(w->view(), Qt::Key_Right);
        QTest::keyClick(w->view(), Qt::Key_Right);
        QTest::keyClick(w->view(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(stack->count(), 2);   // three nudges, one command
        QCOMPARE(w->document()->component("api")->x, 480.0 + 2 * views::kGridSize);
        QCOMPARE(w->document()->component("api")->y, 241.0);
        stack->undo();
        QCOMPARE(w->document()->component("api")->x, 480.0);
        // Moving the region carries its zone and the components inside.
        views::Selection r;
        r.regions.insert("r1");
        w->scene()->selectIds(r);
        w->scene()->editor()->moveSelection(QPointF(100, 50), false);
        QCOMPARE(w->document()->zone("z1")->rect.x, 132.0);
        QCOMPARE(w->document()->component("lb")->x, 180.0);
        QCOMPARE(w->document()->component("users")->x, -320.0);   // outside: stays
    }

    void saveAndReopenGiveTheSameProject() {
        auto w = openWindow();
        QVERIFY(w);
        w->scene()->editor()->addComponent(ComponentKind::Queue, QPointF(400, 300));
        QVERIFY(w->files()->isModified());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.swproj"));
        QString error;
        QVERIFY2(w->files()->saveTo(path, &error), qPrintable(error));
        QVERIFY(!w->files()->isModified());
        const std::string saved = json(*w);
        // The same file cannot be opened in a second window while the first holds it.
        auto other = openWindow(Project{});
        QVERIFY(!other->files()->openFile(path, &error));
        QVERIFY(error.contains(QStringLiteral("already open")));
        w->files()->closed();
        w.reset();
        QVERIFY2(other->files()->openFile(path, &error), qPrintable(error));
        QCOMPARE(json(*other), saved);
        QVERIFY(!other->files()->isModified());
        // A damaged file is refused with the engine's message and changes nothing.
        const QString bad = dir.filePath(QStringLiteral("bad.swproj"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SQLite format 3\0 this is not a database", 40);
        f.close();
        QVERIFY(!other->files()->openFile(bad, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(json(*other), saved);
        QCOMPARE(other->files()->path(), QFileInfo(path).absoluteFilePath());
        other->files()->closed();
    }

    void autosaveIsRecoveredAfterACrash() {
        const QString dir = views::defaultRecoveryDir();
        for (const auto& e : views::orphanedRecoveries(dir)) views::discardRecovery(e);
        std::string unsaved;
        {
            auto w = openWindow();
            QVERIFY(w);
            w->scene()->editor()->addComponent(ComponentKind::ObjectStorage, QPointF(560, 320));
            w->files()->autosaveNow();
            unsaved = json(*w);
            // While the window lives its autosave is not an orphan.
            QVERIFY(views::orphanedRecoveries(dir).isEmpty());
            // The crash: the window goes away without closing (no save, no discard).
        }
        const QList<views::RecoveryEntry> orphans = views::orphanedRecoveries(dir);
        QCOMPARE(orphans.size(), qsizetype(1));
        auto recovered = views::loadRecovery(orphans.front());
        QVERIFY2(recovered.ok(), recovered.error().c_str());
        QCOMPARE(projectToJson(recovered.value()), unsaved);
        auto w = openWindow(Project{});
        w->files()->adoptRecovered(recovered.value(), orphans.front().originalPath);
        QCOMPARE(json(*w), unsaved);
        QVERIFY(w->files()->isModified());
        views::discardRecovery(orphans.front());
        QVERIFY(views::orphanedRecoveries(dir).isEmpty());
        // A clean close leaves nothing behind.
        w->files()->autosaveNow();
        w->files()->closed();
        w.reset();
        QVERIFY(views::orphanedRecoveries(dir).isEmpty());
    }

    void pasteBetweenTwoWindows() {
        auto a = openWindow();
        auto b = openWindow(Project{});
        QVERIFY(a && b);
        views::Selection s;
        s.components = {"lb", "api"};
        a->scene()->selectIds(s);
        a->actions()->copy->trigger();
        QVERIFY(QApplication::clipboard()->mimeData()->hasFormat(views::kClipboardMime));
        QSignalSpy added(b->document(), &views::DesignDocument::componentAdded);
        b->actions()->paste->trigger();
        QCOMPARE(added.count(), 2);
        const Design& d = b->document()->design();
        QCOMPARE(d.components.size(), std::size_t(2));
        QCOMPARE(d.links.size(), std::size_t(1));   // the edge between the two copied components
        QCOMPARE(d.links[0].from, d.components[0].id);
        QCOMPARE(d.links[0].to, d.components[1].id);
        QCOMPARE(d.components[0].name, std::string("Edge balancer"));
        QVERIFY(d.components[0].region.empty());   // no region in the target: placed by where it lands
        // Pasting again into the source gives fresh ids, offset copies, and one undo step.
        const int before = a->document()->undoStack()->count();
        a->actions()->paste->trigger();
        QCOMPARE(a->document()->design().components.size(), std::size_t(5));
        QCOMPARE(a->document()->undoStack()->count(), before + 1);
        QVERIFY(a->document()->design().components[3].id != "lb");
        QCOMPARE(a->document()->design().components[3].region, std::string("r1"));
        // Text that is not a design is refused and changes nothing.
        QString why;
        QVERIFY(!b->scene()->editor()->paste(QStringLiteral("{\"components\": 3}"), &why));
        QVERIFY(!why.isEmpty());
        a->files()->closed();
        b->files()->closed();
    }

    void variantsAreUndoableAndSwitchTheCanvas() {
        auto w = openWindow();
        QVERIFY(w);
        w->variants()->duplicateCurrent();
        QCOMPARE(w->document()->project().variants.size(), std::size_t(2));
        QCOMPARE(w->document()->currentVariant(), 1);
        w->scene()->editor()->addComponent(ComponentKind::Cdn, QPointF(600, 100));
        QCOMPARE(w->document()->design().components.size(), std::size_t(4));
        w->document()->setCurrentVariant(0);
        QCOMPARE(w->scene()->componentItems().size(), qsizetype(3));
        w->document()->undoStack()->undo();   // undoes the CDN in variant 1, showing it
        QCOMPARE(w->document()->currentVariant(), 1);
        QCOMPARE(w->document()->design().components.size(), std::size_t(3));
        w->document()->undoStack()->undo();
        QCOMPARE(w->document()->project().variants.size(), std::size_t(1));
        w->files()->closed();
    }
};

QTEST_MAIN(TestGui)
#include "test_gui.moc"
