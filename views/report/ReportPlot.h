// Charts in the capacity report as vector graphics: any QCustomPlot is
// recorded (QCustomPlot::toPainter into a QPicture) and placed in the
// document as one object character; when the document is printed to the PDF
// the recording is replayed onto the printer's painter, so lines and text
// stay vectors (sharp at any zoom, text searchable), never a bitmap.
#pragma once

#include <QByteArray>
#include <QSizeF>
#include <QString>
#include <QTextObjectInterface>
#include <QVector>

class QCustomPlot;
class QTextDocument;

namespace sw::views::report {

// The charts of one report. add() records a plot and returns the HTML that
// stands for it (a caption and a placeholder); install() turns the
// placeholders of a document made from that HTML into the recorded charts.
class PlotSet {
public:
    // `plot` is drawn now at `sizeMm` on paper (shrunk to the text width if
    // wider) and need not outlive the call; `title` is the caption above it,
    // kept on the chart's page.
    QString add(QCustomPlot& plot, QSizeF sizeMm, const QString& title);
    void install(QTextDocument* doc) const;

private:
    struct Recording {
        QByteArray picture;   // QPicture's data: a plain value, so formats compare and clone
        QSizeF size;          // layout units
    };
    QVector<Recording> plots_;
};

// Makes `doc`'s layout draw the charts installed in it; call on every
// document that is laid out or printed (also on clones: handlers are per layout).
void registerReportObjects(QTextDocument* doc);

// Block property marking a block that must share its page with the block
// that follows (chart captions; headings are known by their heading level).
inline constexpr int kKeepWithNextProperty = QTextFormat::UserProperty + 1;

// Draws an installed chart: its size and recording travel in its character format.
class PlotObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    static constexpr int kType = QTextFormat::UserObject + 1;
    static constexpr int kPictureProperty = QTextFormat::UserProperty + 2;
    static constexpr int kSizeProperty = QTextFormat::UserProperty + 3;

    using QObject::QObject;
    QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                    const QTextFormat& format) override;
};

// Millimetres on paper to the report's layout units (96 an inch, as its text).
inline double mmToUnits(double mm) { return mm / 25.4 * 96.0; }

}  // namespace sw::views::report
