#include "app/gui/HelpWindows.h"

#include <QAction>
#include <algorithm>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sw::app {
namespace {

QString plain(QString text) {
    text.remove(QLatin1Char('&'));
    return text;
}

QString keysOf(const QAction* a) {
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

// Every action with a shortcut under `menu`, as "File › Save As…".
void collect(const QMenu* menu, const QString& path, QList<QPair<QString, const QAction*>>& out) {
    for (const QAction* a : menu->actions()) {
        if (a->isSeparator()) continue;
        const QString here = path + QStringLiteral(" › ") + plain(a->text());
        if (a->menu()) collect(a->menu(), here, out);
        else if (!a->shortcuts().isEmpty()) out.append({here, a});
    }
}

}  // namespace

void showShortcuts(QMainWindow* window) {
    if (auto* open = window->findChild<QDialog*>(QStringLiteral("shortcutsDialog"))) {
        open->show();
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new QDialog(window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setWindowTitle(QCoreApplication::translate("HelpWindows", "Keyboard Shortcuts"));
    auto* filter = new QLineEdit(dialog);
    filter->setObjectName(QStringLiteral("shortcutsFilter"));
    filter->setPlaceholderText(QCoreApplication::translate("HelpWindows", "Search actions or keys"));
    filter->setClearButtonEnabled(true);
    auto* list = new QTreeWidget(dialog);
    list->setObjectName(QStringLiteral("shortcutsList"));
    list->setColumnCount(2);
    list->setHeaderLabels({QCoreApplication::translate("HelpWindows", "Action"),
                           QCoreApplication::translate("HelpWindows", "Keys")});
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    QList<QPair<QString, const QAction*>> actions;
    for (const QAction* top : window->menuBar()->actions())
        if (top->menu()) collect(top->menu(), plain(top->text()), actions);
    // Toolbar actions that are in no menu (the canvas tools).
    for (const QToolBar* bar : window->findChildren<QToolBar*>())
        for (const QAction* a : bar->actions()) {
            const bool listed = std::any_of(actions.begin(), actions.end(), [a](const auto& p) { return p.second == a; });
            if (!listed && !a->shortcuts().isEmpty())
                actions.append({plain(bar->windowTitle()) + QStringLiteral(" › ") + plain(a->text()), a});
        }
    for (const auto& [path, a] : actions) {
        auto* item = new QTreeWidgetItem(list, {path, keysOf(a)});
        item->setToolTip(0, a->statusTip());
    }
    QObject::connect(filter, &QLineEdit::textChanged, list, [list](const QString& text) {
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = list->topLevelItem(i);
            item->setHidden(!item->text(0).contains(text, Qt::CaseInsensitive) &&
                            !item->text(1).contains(text, Qt::CaseInsensitive));
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::hide);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(filter);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog->resize(560, 620);
    dialog->show();
    filter->setFocus();
}

QString userGuidePath() {
    const QString name = QStringLiteral("/user-guide.md");
    const QStringList candidates = {
        // Installed: <prefix>/bin/scalewright and <prefix>/share/doc/<project>/user-guide.md.
        QCoreApplication::applicationDirPath() + QStringLiteral("/../" SW_INSTALL_DOCDIR) + name,
        // A build tree: the sources it was built from.
        QStringLiteral(SW_SOURCE_DOCS_DIR) + name,
    };
    for (const QString& c : candidates)
        if (QFileInfo::exists(c)) return QFileInfo(c).canonicalFilePath();
    return QStringLiteral(":/docs/user-guide.md");   // compiled in: text without the screenshots
}

void showUserGuide(QWidget* parent) {
    if (auto* open = parent->findChild<QDialog*>(QStringLiteral("userGuide"))) {
        open->show();
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("userGuide"));
    dialog->setWindowTitle(QCoreApplication::translate("HelpWindows", "Scalewright User Guide"));
    auto* browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("userGuideBrowser"));
    browser->setOpenExternalLinks(true);
    const QString path = userGuidePath();
    const QUrl url = path.startsWith(QLatin1Char(':')) ? QUrl(QStringLiteral("qrc") + path) : QUrl::fromLocalFile(path);
    browser->setSource(url, QTextDocument::MarkdownResource);
    // The screenshots are 1440 px wide: shown at the page's width, not beyond it.
    QTextCursor cursor(browser->document());
    for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.charFormat().isImageFormat()) continue;
            QTextImageFormat image = f.charFormat().toImageFormat();
            image.setWidth(820);
            image.clearProperty(QTextFormat::ImageHeight);   // the height follows the aspect ratio
            cursor.setPosition(f.position());
            cursor.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::hide);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 760);
    dialog->show();
}

}  // namespace sw::app
