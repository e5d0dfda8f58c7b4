// One export, whatever asks for it (the export verb, File › Export…): the
// bytes of a format and the atomic write of them.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

#include "model/Design.h"

namespace sw::views {

struct ExportOptions {
    QString format = "png";   // one of exportFormats()
    QString table = "tiers";  // with csv: one of exportTables()
    int dpi = 192;            // with png
    int months = 24;          // with the projection table
};

QStringList exportFormats();   // png svg pdf dot mermaid mermaid-architecture structurizr csv
QStringList exportTables();    // tiers cost projection
bool isBinaryFormat(const QString& format);   // png, pdf
QString exportExtension(const QString& format);   // "png", "mmd", "dsl", "csv"...

// The file's bytes, or a one-line message. Canvas formats need a QGuiApplication.
std::optional<QString> exportBytes(const Design& design, const ExportOptions& options, QByteArray* out);
// exportBytes then a write through a temporary and a rename: nothing is left
// behind when it fails. Returns the error, or nothing.
std::optional<QString> exportToFile(const Design& design, const ExportOptions& options, const QString& path,
                                    qint64* bytes = nullptr);

}  // namespace sw::views
