// An invalid design is not analysed as if valid: in the real window, a link
// to a missing component or a call cycle leaves the overlays without figures
// and the summary saying "Not analysed" with the validation error, as the
// `analyze` command refuses it (exit 1), never "100 %" or "99 nines".
#include <QApplication>
#include <QGraphicsItem>
#include <QTest>

#include "GuiFixture.h"
#include "app/gui/MainWindow.h"
#include "views/canvas/ComponentItem.h"
#include "views/canvas/DiagramScene.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/panels/SummaryPanel.h"

using namespace sw;

namespace {

int componentsWithFigures(views::DiagramScene* scene) {
    int n = 0, items = 0;
    for (QGraphicsItem* i : scene->items())
        if (i->type() == views::ComponentItem::Type) {
            ++items;
            n += static_cast<views::ComponentItem*>(i)->overlay().hasResult;
        }
    return items == 0 ? -1 : n;
}

void settle() {
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
}

}  // namespace

class TestGuiInvalid : public QObject {
    Q_OBJECT
private slots:
    void missingLinkTargetShowsErrorsNotFigures() {
        Project p = testing::smallProject();
        auto w = testing::shownWindow(p);
        QVERIFY(w);
        settle();
        // The valid design has figures: the check below can tell them apart.
        QVERIFY(w->analysis()->resultsCurrent());
        QCOMPARE(componentsWithFigures(w->scene()), 3);
        QVERIFY2(w->summary()->text().contains("nines"), qPrintable(w->summary()->text()));

        Link ghost;
        ghost.id = "l3";
        ghost.from = "api";
        ghost.to = "ghost";   // no such component
        p.variants[0].links.push_back(ghost);
        w->document()->resetProject(p);
        settle();
        QVERIFY(w->analysis()->errorCount() > 0);
        QVERIFY(w->analysis()->refusedInvalid());
        QVERIFY(!w->analysis()->resultsCurrent());
        QCOMPARE(componentsWithFigures(w->scene()), 0);
        const QString s = w->summary()->text();
        QVERIFY2(!s.contains("100 %") && !s.contains("nines") && !s.contains("$"), qPrintable(s));
        QVERIFY2(s.contains("Not analysed"), qPrintable(s));
        QVERIFY2(s.contains("ghost"), qPrintable(s));   // the validation error itself
        QVERIFY2(s.contains("#dc2626"), qPrintable(s));  // the error count, in red
    }

    void callCycleShowsErrorsNotFigures() {
        Project p = testing::smallProject();
        Link back;
        back.id = "l3";
        back.from = "api";
        back.to = "lb";   // lb -> api -> lb
        p.variants[0].links.push_back(back);
        auto w = testing::shownWindow(p);
        QVERIFY(w);
        settle();
        QVERIFY(w->analysis()->refusedInvalid());
        QCOMPARE(componentsWithFigures(w->scene()), 0);
        const QString s = w->summary()->text();
        QVERIFY2(!s.contains("100 %") && !s.contains("nines"), qPrintable(s));
        QVERIFY2(s.contains("cycle"), qPrintable(s));
        // Fixing the design brings the figures back.
        p.variants[0].links.pop_back();
        w->document()->resetProject(p);
        settle();
        QVERIFY(!w->analysis()->refusedInvalid());
        QCOMPARE(componentsWithFigures(w->scene()), 3);
        QVERIFY2(w->summary()->text().contains("nines"), qPrintable(w->summary()->text()));
    }
};

QTEST_MAIN(TestGuiInvalid)
#include "test_gui_invalid.moc"
