#include "views/simulation/ScenarioEditor.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "planner/sim/Simulator.h"

namespace sw::views {

ScenarioEditor::ScenarioEditor(const Project& project, const Design& design, QWidget* parent)
    : QDialog(parent), design_(design), text_(new QPlainTextEdit(this)), verdict_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)), debounce_(new QTimer(this)) {
    setWindowTitle(tr("Scenarios"));
    resize(760, 640);
    auto* help = new QLabel(
        tr("The project's scenarios as JSON. Traffic: <code>constant</code>, <code>diurnal</code>, <code>ramp</code>, "
           "<code>spike</code>, <code>replay</code>. Failures: <code>kill_instances</code>, <code>kill_percent</code>, "
           "<code>zone_outage</code>, <code>region_outage</code>, <code>latency</code>, <code>replica_lag</code>, "
           "<code>errors</code>, each with <code>target</code>, <code>start_s</code>, <code>duration_s</code>. "
           "Chaos experiments add <code>steady_state</code> and <code>abort</code> conditions. The whole syntax is in "
           "docs/simulator.md and <code>scalewright simulate --help</code>."),
        this);
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setTabStopDistance(text_->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    text_->setPlainText(QString::fromStdString(scenariosToJson(project.scenarios)));
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verdict_->setMinimumHeight(verdict_->fontMetrics().lineSpacing() * 3);
    verdict_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(text_, 1);
    layout->addWidget(verdict_);
    layout->addWidget(buttons_);
    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(text_, &QPlainTextEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(debounce_, &QTimer::timeout, this, &ScenarioEditor::check);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        check();   // the last keystrokes may not have been checked yet
        if (ok_) accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

void ScenarioEditor::check() {
    debounce_->stop();
    auto parsed = scenariosFromJson(text_->toPlainText().toStdString());
    QPalette p = verdict_->palette();
    if (!parsed) {
        ok_ = false;
        parsed_.clear();
        const QString all = QString::fromStdString(parsed.error());
        const QStringList lines = all.split(QLatin1Char('\n'));
        verdict_->setText(lines.size() > 4 ? QStringList(lines.mid(0, 4)).join(QLatin1Char('\n')) +
                                                 tr("\n… and %1 more").arg(lines.size() - 4)
                                           : all);
        p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    } else {
        ok_ = true;
        parsed_ = std::move(parsed).value();
        QStringList warnings;
        for (const Scenario& s : parsed_)
            if (auto problem = sim::checkScenario(design_, s)) warnings << QString::fromStdString(*problem);
        if (warnings.isEmpty()) {
            verdict_->setText(tr("%n scenario(s), all fit the variant '%1'.", nullptr, static_cast<int>(parsed_.size()))
                                  .arg(QString::fromStdString(design_.name)));
            p.setColor(QPalette::WindowText, QColor(0x2e, 0x7d, 0x32));
        } else {
            verdict_->setText(tr("Valid, but on the variant '%1': %2")
                                  .arg(QString::fromStdString(design_.name), warnings.join(QLatin1Char('\n'))));
            p.setColor(QPalette::WindowText, QColor(0xb2, 0x6a, 0x00));
        }
    }
    verdict_->setPalette(p);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(ok_);
}

QString ScenarioEditor::verdict() const { return verdict_->text(); }

}  // namespace sw::views
