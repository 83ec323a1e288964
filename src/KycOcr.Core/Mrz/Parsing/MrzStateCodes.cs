namespace KycOcr.Core.Mrz.Parsing;

/// <summary>
/// The three-letter codes an MRZ prints for an issuing state or a nationality: ISO 3166-1 alpha-3 (from Debian's
/// iso-codes 4.15), the codes it withdrew (old documents stay valid for years), and the codes ICAO 9303 part 3 adds
/// (Germany's D, the British variants, United Nations and other organisations, stateless and refugee, Doc 9303's
/// Utopia). The reader uses it only to weigh glyph alternatives: of two near-equal readings of a code, one that no
/// state has is not a rival. A code missing here costs nothing but a refusal, so the list errs towards more codes.
/// </summary>
internal static class MrzStateCodes
{
    private static readonly HashSet<string> _known = new(
        """
        ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
        BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
        COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
        FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
        HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
        LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
        MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
        PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
        SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
        TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
        AFI ANT ATB ATN BUR BYS CSK CTE DDR DHY FXX GEL HVO JTN MID NHB NTZ PCI PCZ PUS RHO SCG SKM SUN TMP
        VDR WAK YMD YUG ZAR
        D EUE GBD GBN GBO GBP GBS RKS UNA UNK UNO UTO XBA XCC XCE XCO XDC XEC XES XIM XKX XMP XOM XPO XXA
        XXB XXC XXX
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="field"/> (as printed, fillers and all) is a code some state or organisation has.</summary>
    public static bool IsKnown(string field) => _known.Contains(field.TrimEnd('<'));
}
