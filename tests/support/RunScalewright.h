// Runs the built `scalewright` binary for the command-line tests.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace sw::testing {

struct Run {
    int code = -1;   // -1 when the process crashed or did not finish
    QByteArray out, err;
};

// SW_SCALEWRIGHT_BINARY runs another build (e.g. the one before a fix, to
// see a new test fail there).
inline QString scalewrightBinary() {
    const QString other = qEnvironmentVariable("SW_SCALEWRIGHT_BINARY");
    return other.isEmpty() ? QStringLiteral(SW_BINARY_DIR "/app/scalewright") : other;
}

// `input`, when given, is written to the process' standard input (then closed).
inline Run runScalewright(const QStringList& args, int timeoutMs = 120000, const QByteArray* input = nullptr,
                          const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(scalewrightBinary(), args);
    if (input) {
        p.waitForStarted();
        p.write(*input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// With `input` on standard input (a pipe).
inline Run runScalewrightWithInput(const QStringList& args, const QByteArray& input, int timeoutMs = 120000) {
    return runScalewright(args, timeoutMs, &input);
}

}  // namespace sw::testing
