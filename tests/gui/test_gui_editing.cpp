// Editing through the real window, offscreen: the mouse wheel scrolls the
// inspector instead of changing the field under it, every shortcut the user
// guide lists reaches exactly one action (the guide's table is parsed, so it
// cannot drift), duplicates are named and offset, and the Help menu lists the
// shortcuts and opens the bundled guide.
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QShortcutEvent>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

#include "app/gui/FileController.h"
#include "app/gui/HelpWindows.h"
#include "app/gui/MainActions.h"
#include "app/gui/MainWindow.h"
#include "tests/gui/GuiFixture.h"
#include "views/views.h"

using namespace sw;
using namespace sw::testing;

namespace {

// Records which action a key reached and swallows the event, so Quit, Open
// or Close Window are proven to fire without doing it.
class ShortcutRecorder : public QObject {
public:
    struct Hit {
        QAction* action;
        bool ambiguous;
    };
    QList<Hit> hits;

protected:
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() != QEvent::Shortcut) return false;
        hits.append({qobject_cast<QAction*>(o), static_cast<QShortcutEvent*>(e)->isAmbiguous()});
        return true;
    }
};

// The key column of docs/user-guide.md's "Shortcuts" table, one entry per
// documented key ("Ctrl+Shift+Z (or Ctrl+Y)" gives two).
QStringList documentedKeys() {
    QFile f(QStringLiteral(SW_SAMPLES_DIR "/../docs/user-guide.md"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("\n## Shortcuts"));
    if (start < 0) return {};
    const qsizetype end = text.indexOf(QStringLiteral("\n## "), start + 5);
    static const QRegularExpression separators(QStringLiteral(R"(\s+/\s+|,\s+|\s+or\s+|\s*\(or\s+|\))"));
    QStringList keys;
    for (const QString& line : text.mid(start, end - start).split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char('|')) || line.startsWith(QLatin1String("|---"))) continue;
        QString cell = line.section(QLatin1Char('|'), 1, 1).trimmed().remove(QLatin1Char('`'));
        if (cell == QLatin1String("Keys")) continue;
        for (const QString& k : cell.split(separators, Qt::SkipEmptyParts))
            if (!k.trimmed().isEmpty()) keys << k.trimmed();
    }
    return keys;
}

QComboBox* comboShowing(QWidget* in, const QString& data) {
    for (QComboBox* c : in->findChildren<QComboBox*>())
        if (c->currentData().toString() == data) return c;
    return nullptr;
}

void wheel(QWidget* w, int ticks) {
    const QPointF pos(w->width() / 2.0, w->height() / 2.0);
    for (int i = 0; i < ticks; ++i) {
        QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &e);
    }
}

}  // namespace

class TestGuiEditing : public QObject {
    Q_OBJECT

    std::unique_ptr<app::MainWindow> openWindow(const Project& p = smallProject()) {
        auto w = shownWindow(p);
        if (!w) return nullptr;
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w.get())) return nullptr;
        return w;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Three wheel ticks over the instance type turned m5.large into m5.4xlarge
    // in three undo steps; unfocused fields now pass the wheel to the form.
    void wheelScrollsTheInspectorNotTheField() {
        auto w = openWindow();
        QVERIFY(w);
        views::Selection s;
        s.components.insert("api");
        w->scene()->selectIds(s);
        QApplication::processEvents();
        QComboBox* type = comboShowing(w->inspector(), QStringLiteral("m5.large"));
        QVERIFY(type);
        w->view()->setFocus();
        QVERIFY(!type->hasFocus());
        const int commands = w->document()->undoStack()->count();
        wheel(type, 3);
        QCOMPARE(w->document()->component("api")->instance_type, std::string("m5.large"));
        QCOMPARE(type->currentData().toString(), QStringLiteral("m5.large"));
        QCOMPARE(w->document()->undoStack()->count(), commands);
        // A wheel does not focus the field either (StrongFocus), so a second scroll is as safe.
        QVERIFY(!type->hasFocus());
        QCOMPARE(type->focusPolicy(), Qt::StrongFocus);
        // Once the user clicks or tabs into it, the wheel is the field's.
        type->setFocus();
        wheel(type, 1);
        QVERIFY(type->currentData().toString() != QStringLiteral("m5.large"));
        QCOMPARE(w->document()->undoStack()->count(), commands + 1);
        // The simulation dock's spin boxes behave the same.
        QSpinBox* seed = w->simulation()->seedBox();
        w->view()->setFocus();
        const int before = seed->value();
        wheel(seed, 3);
        QCOMPARE(seed->value(), before);
    }

    void everyDocumentedShortcutReachesOneAction() {
        auto w = openWindow();
        QVERIFY(w);
        const QStringList keys = documentedKeys();
        QVERIFY2(keys.size() > 30, qPrintable(keys.join(QLatin1Char(' '))));
        QVERIFY(keys.contains(QStringLiteral("Ctrl+Y")) && keys.contains(QStringLiteral("Ctrl+Shift+S")));
        // Undo and redo both available, so their keys are live.
        w->scene()->editor()->addComponent(ComponentKind::Cache, QPointF(400, 320));
        w->scene()->editor()->addComponent(ComponentKind::Queue, QPointF(400, 420));
        w->document()->undoStack()->undo();
        ShortcutRecorder rec;
        for (QAction* a : w->findChildren<QAction*>()) a->installEventFilter(&rec);
        // Keys the canvas handles itself (no action): checked by their effect.
        const QStringList canvasKeys = {QStringLiteral("Esc"), QStringLiteral("arrow keys")};
        QStringList missing;
        for (const QString& k : keys) {
            if (canvasKeys.contains(k)) continue;
            const QKeySequence seq = QKeySequence::fromString(k, QKeySequence::PortableText);
            if (seq.count() != 1 || seq[0].key() == Qt::Key_unknown) {
                missing << k + QStringLiteral(" (not a key)");
                continue;
            }
            rec.hits.clear();
            w->view()->setFocus();
            QTest::keyClick(w->view(), seq[0].key(), seq[0].keyboardModifiers());
            if (rec.hits.size() != 1 || !rec.hits.front().action || rec.hits.front().ambiguous)
                missing << QStringLiteral("%1 (%2 action(s)%3)").arg(k).arg(rec.hits.size())
                               .arg(!rec.hits.isEmpty() && rec.hits.front().ambiguous ? QStringLiteral(", ambiguous") : QString());
            else if (k == QLatin1String("Ctrl+Y") || k == QLatin1String("Ctrl+Shift+Z"))
                QCOMPARE(rec.hits.front().action, w->actions()->redo);
            else if (k == QLatin1String("Ctrl+Shift+S"))
                QCOMPARE(rec.hits.front().action->text(), QStringLiteral("Save &As…"));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("documented but dead: ") + missing.join(QStringLiteral(", "))));
        for (QAction* a : w->findChildren<QAction*>()) a->removeEventFilter(&rec);
        // The menu shows the documented key for Save As and Redo.
        for (QAction* a : w->findChildren<QAction*>())
            if (a->text() == QStringLiteral("Save &As…")) QCOMPARE(a->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
        QCOMPARE(w->actions()->redo->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+Z")));
        // Ctrl+Y really redoes.
        const int index = w->document()->undoStack()->index();
        QTest::keyClick(w->view(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(w->document()->undoStack()->index(), index + 1);
        // The canvas keys: Esc goes back to Select, an arrow nudges.
        w->scene()->setTool(views::DiagramScene::Tool::ConnectCall);
        QTest::keyClick(w->view(), Qt::Key_Escape);
        QCOMPARE(w->scene()->tool(), views::DiagramScene::Tool::Select);
        views::Selection s;
        s.components.insert("api");
        w->scene()->selectIds(s);
        const double x = w->document()->component("api")->x;
        QTest::keyClick(w->view(), Qt::Key_Right);
        QCOMPARE(w->document()->component("api")->x, x + views::kGridSize);
        w->files()->closed();
    }

    void duplicateIsNamedAndOffset() {
        auto w = openWindow();
        QVERIFY(w);
        views::Selection s;
        s.components.insert("api");
        w->scene()->selectIds(s);
        const Component api = *w->document()->component("api");
        w->actions()->duplicate->trigger();
        QUndoStack* stack = w->document()->undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("Duplicate 1 item(s)"));
        const Component& copy = w->document()->design().components.back();
        QVERIFY(copy.id != api.id);
        QCOMPARE(copy.name, std::string("API (copy)"));
        QCOMPARE(copy.x, api.x + 2 * views::kGridSize);
        QCOMPARE(copy.y, api.y + 2 * views::kGridSize);
        // The copy is selected; duplicating it again gives the next name, not "(copy) (copy)".
        w->actions()->duplicate->trigger();
        QCOMPARE(w->document()->design().components.back().name, std::string("API (copy 2)"));
        // Copy and paste: offset from the original, named apart, "Paste" in the history.
        w->scene()->selectIds(s);
        w->actions()->copy->trigger();
        w->actions()->paste->trigger();
        QCOMPARE(stack->undoText(), QStringLiteral("Paste 1 item(s)"));
        const Component& pasted = w->document()->design().components.back();
        QCOMPARE(pasted.name, std::string("API (copy 3)"));
        QVERIFY(pasted.x != api.x || pasted.y != api.y);
        w->files()->closed();
    }

    void helpListsShortcutsAndOpensTheGuide() {
        auto w = openWindow();
        QVERIFY(w);
        QAction* shortcuts = nullptr;
        QAction* guide = nullptr;
        for (QAction* a : w->findChildren<QAction*>()) {
            if (a->text() == QStringLiteral("&Keyboard Shortcuts")) shortcuts = a;
            if (a->text() == QStringLiteral("&User Guide")) guide = a;
        }
        QVERIFY(shortcuts && guide);
        shortcuts->trigger();
        auto* list = w->findChild<QTreeWidget*>(QStringLiteral("shortcutsList"));
        QVERIFY(list);
        // Generated from the actions: every action with a shortcut has its row.
        int withKeys = 0;
        for (QAction* a : w->findChildren<QAction*>()) withKeys += !a->shortcuts().isEmpty() && !a->text().isEmpty();
        QCOMPARE(list->topLevelItemCount(), withKeys);
        auto row = [list](const QString& path) -> QTreeWidgetItem* {
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                if (list->topLevelItem(i)->text(0) == path) return list->topLevelItem(i);
            return nullptr;
        };
        QVERIFY(row(QStringLiteral("File › Save As…")));
        QVERIFY(row(QStringLiteral("File › Save As…"))->text(1).contains(QStringLiteral("Ctrl+Shift+S")));
        QVERIFY(row(QStringLiteral("Tools › Call edge")));
        auto* filter = w->findChild<QLineEdit*>(QStringLiteral("shortcutsFilter"));
        QVERIFY(filter);
        filter->setText(QStringLiteral("ctrl+y"));
        QStringList shown;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (!list->topLevelItem(i)->isHidden()) shown << list->topLevelItem(i)->text(0);
        QCOMPARE(shown, QStringList{QStringLiteral("Edit › Redo")});
        // The guide: found on disk from a build tree, rendered with its sections.
        QVERIFY2(QFileInfo::exists(app::userGuidePath()), qPrintable(app::userGuidePath()));
        guide->trigger();
        auto* browser = w->findChild<QTextBrowser*>(QStringLiteral("userGuideBrowser"));
        QVERIFY(browser);
        QVERIFY(browser->toPlainText().contains(QStringLiteral("Scalewright user guide")));
        QVERIFY(browser->toPlainText().contains(QStringLiteral("Shortcuts")));
        // The compiled-in copy is the same text, for an install without docs/.
        QFile bundled(QStringLiteral(":/docs/user-guide.md"));
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        QFile source(QStringLiteral(SW_SAMPLES_DIR "/../docs/user-guide.md"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(bundled.readAll(), source.readAll());
        w->files()->closed();
    }
};

QTEST_MAIN(TestGuiEditing)
#include "test_gui_editing.moc"
