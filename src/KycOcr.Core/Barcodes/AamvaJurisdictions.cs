namespace KycOcr.Core.Barcodes;

/// <summary>
/// The issuing jurisdiction of an AAMVA barcode, from its Issuer Identification Number (the 6 digits after
/// <c>ANSI </c>), as AAMVA assigns them. An IIN not listed here gives no region from the header.
/// </summary>
public static class AamvaJurisdictions
{
    private static readonly Dictionary<string, (string Country, string Region)> ByIin = new(StringComparer.Ordinal)
    {
        ["636033"] = ("USA", "AL"), ["636059"] = ("USA", "AK"), ["636026"] = ("USA", "AZ"), ["636021"] = ("USA", "AR"),
        ["636014"] = ("USA", "CA"), ["636020"] = ("USA", "CO"), ["636006"] = ("USA", "CT"), ["636043"] = ("USA", "DC"),
        ["636011"] = ("USA", "DE"), ["636010"] = ("USA", "FL"), ["636055"] = ("USA", "GA"), ["636047"] = ("USA", "HI"),
        ["636050"] = ("USA", "ID"), ["636035"] = ("USA", "IL"), ["636037"] = ("USA", "IN"), ["636018"] = ("USA", "IA"),
        ["636022"] = ("USA", "KS"), ["636046"] = ("USA", "KY"), ["636007"] = ("USA", "LA"), ["636041"] = ("USA", "ME"),
        ["636003"] = ("USA", "MD"), ["636002"] = ("USA", "MA"), ["636032"] = ("USA", "MI"), ["636038"] = ("USA", "MN"),
        ["636051"] = ("USA", "MS"), ["636030"] = ("USA", "MO"), ["636008"] = ("USA", "MT"), ["636054"] = ("USA", "NE"),
        ["636049"] = ("USA", "NV"), ["636039"] = ("USA", "NH"), ["636036"] = ("USA", "NJ"), ["636009"] = ("USA", "NM"),
        ["636001"] = ("USA", "NY"), ["636004"] = ("USA", "NC"), ["636034"] = ("USA", "ND"), ["636023"] = ("USA", "OH"),
        ["636058"] = ("USA", "OK"), ["636029"] = ("USA", "OR"), ["636025"] = ("USA", "PA"), ["636052"] = ("USA", "RI"),
        ["636005"] = ("USA", "SC"), ["636042"] = ("USA", "SD"), ["636053"] = ("USA", "TN"), ["636015"] = ("USA", "TX"),
        ["636040"] = ("USA", "UT"), ["636024"] = ("USA", "VT"), ["636000"] = ("USA", "VA"), ["636045"] = ("USA", "WA"),
        ["636061"] = ("USA", "WV"), ["636031"] = ("USA", "WI"), ["636060"] = ("USA", "WY"),
        ["604432"] = ("CAN", "AB"), ["636028"] = ("CAN", "BC"), ["636048"] = ("CAN", "MB"), ["636017"] = ("CAN", "NB"),
        ["636013"] = ("CAN", "NS"), ["636012"] = ("CAN", "ON"), ["604428"] = ("CAN", "QC"), ["636044"] = ("CAN", "SK"),
    };

    public static (string Country, string Region)? Of(string iin) => ByIin.TryGetValue(iin, out var jurisdiction) ? jurisdiction : null;
}
