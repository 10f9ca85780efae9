package io.campuslab.core.storage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as people's spreadsheet programs read and write it, through Apache Commons CSV: RFC 4180 with
 * quoted fields that hold commas, quotes and line breaks. Files written start with a byte order mark,
 * so that spreadsheet programs read the UTF-8 of Chinese names as such, and a cell that a spreadsheet
 * would run as a formula is written as text.
 */
public final class CsvFiles {

    private static final char BOM = '\uFEFF';

    private CsvFiles() {
    }

    /** The records of a text, a list of fields each; a byte order mark at the start is passed over. */
    public static List<List<String>> read(String text) {
        String body = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).setIgnoreEmptyLines(true).get();
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // an unclosed quote: the rest of the file is one field, as spreadsheet programs read it too
            throw new IllegalArgumentException("Not a readable CSV text: " + e.getMessage(), e);
        }
        return records;
    }

    /** A file of a header line and rows, with a byte order mark, formula-like cells neutralised. */
    public static String write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(CsvFiles::neutral).toList());
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvFiles::neutral).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A cell a spreadsheet would evaluate ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
     * return first) gets an apostrophe in front, which spreadsheets show as text (OWASP's advice on CSV
     * injection).
     */
    static String neutral(String cell) {
        String text = cell == null ? "" : cell;
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
