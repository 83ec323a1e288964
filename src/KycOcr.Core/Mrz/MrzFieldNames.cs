namespace KycOcr.Core.Mrz;

/// <summary>Field and check names; they double as the snake_case keys of the serialised reading.</summary>
internal static class MrzFieldNames
{
    public const string DocumentCode = "document_code";
    public const string IssuingState = "issuing_state";
    public const string Name = "name";
    public const string DocumentNumber = "document_number";
    public const string DocumentNumberCheck = "document_number_check";
    public const string Nationality = "nationality";
    public const string BirthDate = "birth_date";
    public const string BirthDateCheck = "birth_date_check";
    public const string Sex = "sex";
    public const string ExpiryDate = "expiry_date";
    public const string ExpiryDateCheck = "expiry_date_check";
    public const string OptionalData = "optional_data";
    public const string OptionalDataCheck = "optional_data_check";
    public const string OptionalData2 = "optional_data_2";
    public const string CompositeCheck = "composite_check";
    public const string Composite = "composite";
}
