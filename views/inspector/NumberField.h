// A typed numeric editor for one FieldSpec field: the value, its unit and
// range; a value out of range (or not a number) is shown with the reason and
// never applied.
#pragma once

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;

namespace sw::views {

class NumberField : public QWidget {
    Q_OBJECT
public:
    // `check` returns why a value is refused, or nothing when it is fine.
    using Check = std::function<std::optional<QString>(double)>;
    NumberField(const QString& unit, const QString& rangeText, Check check, QWidget* parent = nullptr);

    void setValue(double v);           // shows a model value (leaves a refused entry alone while focused)
    double value() const { return value_; }
    QLineEdit* editor() const { return edit_; }
    QString error() const;             // the reason shown, "" when the entry is fine
    // Parses and checks the text as if the user had pressed Enter.
    void commitText();

signals:
    void committed(double value);

private:
    void showError(const QString& why);

    QLineEdit* edit_;
    QLabel* unit_;
    QLabel* error_;
    Check check_;
    double value_ = 0;
};

}  // namespace sw::views
