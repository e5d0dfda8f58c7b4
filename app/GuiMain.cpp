#include "app/GuiMain.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

#include "app/gui/FileController.h"
#include "app/gui/MainWindow.h"
#include "views/document/RecoveryStore.h"

namespace sw::app {
namespace {

bool haveDisplay() {
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    auto set = [](const char* v) { return std::getenv(v) && *std::getenv(v); };
    return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

// Offers the projects of windows that did not close normally.
void offerRecovery() {
    const QString dir = views::defaultRecoveryDir();
    const QList<views::RecoveryEntry> orphans = views::orphanedRecoveries(dir);
    if (orphans.isEmpty()) return;
    QStringList names;
    for (const auto& e : orphans)
        names << QStringLiteral("• %1 (autosaved %2)")
                     .arg(e.originalPath.isEmpty() ? QObject::tr("an unsaved project") : QFileInfo(e.originalPath).fileName(),
                          QLocale().toString(e.savedAt.toLocalTime(), QLocale::ShortFormat));
    const auto answer = QMessageBox::question(
        nullptr, QObject::tr("Recover unsaved work?"),
        QObject::tr("Scalewright did not close normally last time. Recover the autosaved work?\n\n%1").arg(names.join('\n')),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    for (const auto& e : orphans) {
        if (answer == QMessageBox::Yes) {
            auto project = views::loadRecovery(e);
            if (!project) {
                QMessageBox::warning(nullptr, QObject::tr("Cannot recover"), QString::fromStdString(project.error()));
                continue;
            }
            auto* w = new MainWindow;
            w->files()->adoptRecovered(project.value(), e.originalPath);
            w->show();
        }
        views::discardRecovery(e);
    }
}

}  // namespace

int runGui(int argc, char** argv) {
    if (!haveDisplay()) {
        std::fprintf(stderr,
                     "scalewright: no display (DISPLAY/WAYLAND_DISPLAY unset); try 'scalewright analyze FILE' or "
                     "'scalewright screenshot FILE -o OUT.png'\n");
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Scalewright"));
    // The desktop file id (installers/io.github.scalewright.Scalewright.desktop) = the AppStream id:
    // Wayland compositors and docks match the window to its desktop entry and icon by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.scalewright.Scalewright"));
    QApplication::setOrganizationName(QStringLiteral("Scalewright"));
    QApplication::setApplicationVersion(QStringLiteral(SCALEWRIGHT_VERSION));
    offerRecovery();
    auto* window = new MainWindow;
    const QStringList args = QApplication::arguments();
    window->show();
    if (args.size() > 1) {
        QString error;
        if (!window->files()->openFile(args[1], &error)) {
            QMessageBox::warning(window, QObject::tr("Cannot open %1").arg(QFileInfo(args[1]).fileName()), error);
        }
    }
    return app.exec();
}

}  // namespace sw::app
