// Runs the built `scalewright` binary for the command-line tests.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace sw::testing {

struct Run {
    int code = -1;   // -1 when the process crashed or did not finish
    QByteArray out, err;
};

inline Run runScalewright(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.start(QStringLiteral(SW_BINARY_DIR "/app/scalewright"), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

}  // namespace sw::testing
