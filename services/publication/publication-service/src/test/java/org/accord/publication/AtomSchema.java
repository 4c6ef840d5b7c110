package org.accord.publication;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates a document against the RELAX NG schema of RFC 4287 (Appendix B), with Jing. */
public final class AtomSchema {

    private AtomSchema() {
    }

    /** The validation errors; empty when the document is a valid Atom document. */
    public static List<String> errors(String xml) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            if (!driver.loadSchema(new InputSource(AtomSchema.class.getResource("/atom/rfc4287-atom.rnc").toString()))) {
                throw new IllegalStateException("The RFC 4287 schema does not load: " + errors);
            }
            if (!driver.validate(new InputSource(new StringReader(xml))) && errors.isEmpty()) {
                errors.add("invalid");
            }
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }
}
