import Reporting

/// The job's validation: the template's `Validator` (with the job's reader limits) on
/// each inbox file. `Validator` is safe to call from several tasks at once.
public struct TemplateValidation: FileValidating {
    public let validator: Validator

    public init(validator: Validator) {
        self.validator = validator
    }

    public func validate(path: String) -> (FileReport, Submission?) {
        validator.validate(path: path)
    }

    public func validate(path: String, history: History) -> (FileReport, Submission?) {
        var v = validator
        v.history = history
        return v.validate(path: path)
    }
}
