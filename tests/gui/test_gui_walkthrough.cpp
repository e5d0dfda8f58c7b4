// The Walkthrough dock, driven offscreen in the real main window: it steps
// through every stage of the walk, the preview canvas shows each stage's
// components, and "Open this stage as a variant" is one undoable step.
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>

#include "app/gui/FileController.h"
#include "app/gui/MainWindow.h"
#include "planner/walkthrough/Walkthrough.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/document/DesignDocument.h"
#include "views/walkthrough/WalkthroughPanel.h"

using namespace sw;

class TestGuiWalkthrough : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void stepsThroughEveryStage() {
        app::MainWindow w;
        QString error;
        QVERIFY2(w.files()->openFile(QStringLiteral(SW_SAMPLES_DIR "/stage-01-single-server.json"), &error), qPrintable(error));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        views::WalkthroughPanel* panel = w.walkthrough();
        QVERIFY(panel);
        panel->setFromDesign(true);
        const Walkthrough& walk = panel->walk();
        QVERIFY(walk.stages.size() >= 3);
        QCOMPARE(walk.current_stage, 1);
        QSignalSpy stepped(panel, &views::WalkthroughPanel::stepped);
        for (std::size_t i = 0; i < walk.stages.size(); ++i) {
            if (i > 0) panel->next();
            QCOMPARE(panel->stageIndex(), static_cast<int>(i));
            const WalkStage& st = walk.stages[i];
            QCOMPARE(panel->month(), st.from_month);
            // Every component of the stage is on the preview canvas, and only those.
            const Design& shown = panel->previewDocument()->design();
            QCOMPARE(shown.components.size(), st.design.components.size());
            QCOMPARE(panel->previewScene()->componentItems().size(), static_cast<qsizetype>(st.design.components.size()));
            for (const Component& c : st.design.components)
                QVERIFY2(panel->previewScene()->componentItem(QString::fromStdString(c.id)), c.id.c_str());
            // What the step adds is selected (highlighted) on the preview.
            for (const std::string& id : st.added_ids)
                QVERIFY(panel->previewScene()->componentItem(QString::fromStdString(id))->isSelected());
        }
        QCOMPARE(stepped.count(), static_cast<int>(walk.stages.size()) - 1);
        panel->next();   // past the last: stays
        QCOMPARE(panel->stageIndex(), static_cast<int>(walk.stages.size()) - 1);
        panel->prev();
        QCOMPARE(panel->stageIndex(), static_cast<int>(walk.stages.size()) - 2);
        // The main canvas still shows the user's design (the preview is read-only).
        QCOMPARE(w.document()->design().name, std::string("Stage 1: single server"));
    }

    void ownStageTitleNamesTheDesignOnce() {
        // The user's design already carries "Stage 5: …" in its name: the
        // title must not say "Stage 5: Stage 5: caching layer".
        app::MainWindow w;
        QString error;
        QVERIFY2(w.files()->openFile(QStringLiteral(SW_SAMPLES_DIR "/stage-05-caching-layer.json"), &error), qPrintable(error));
        views::WalkthroughPanel* panel = w.walkthrough();
        panel->setFromDesign(true);
        QVERIFY(panel->walk().stages.front().users_design);
        panel->showStage(0);
        auto* title = panel->findChild<QLabel*>(QStringLiteral("walkthroughTitle"));
        QVERIFY(title);
        QVERIFY2(title->text().startsWith(QStringLiteral("Stage 5: caching layer · ")), qPrintable(title->text()));
        QCOMPARE(title->text().count(QStringLiteral("Stage ")), 1);
        // A catalogue stage is named by its number.
        panel->showStage(1);
        const WalkStage& next = panel->walk().stages[1];
        QVERIFY(!next.users_design);
        QVERIFY2(title->text().startsWith(QStringLiteral("Stage %1: ").arg(next.stage)), qPrintable(title->text()));
    }

    void openAsVariantIsUndoable() {
        app::MainWindow w;
        QString error;
        QVERIFY(w.files()->openFile(QStringLiteral(SW_SAMPLES_DIR "/stage-01-single-server.json"), &error));
        views::WalkthroughPanel* panel = w.walkthrough();
        panel->setFromDesign(false);
        panel->showStage(2);
        const std::size_t before = w.document()->project().variants.size();
        panel->openAsVariant();
        QCOMPARE(w.document()->project().variants.size(), before + 1);
        const Design& added = w.document()->project().variants.back();
        QCOMPARE(added.components.size(), panel->walk().stages[2].design.components.size());
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->project().variants.size(), before);
        w.document()->undoStack()->redo();
        QCOMPARE(w.document()->project().variants.size(), before + 1);
    }
};

QTEST_MAIN(TestGuiWalkthrough)
#include "test_gui_walkthrough.moc"
