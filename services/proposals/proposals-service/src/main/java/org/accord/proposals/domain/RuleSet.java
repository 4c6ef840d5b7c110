package org.accord.proposals.domain;

/** The counting rules a ballot names; the voting service holds what each one means. */
public enum RuleSet {
    ISO_ENQUIRY_APPROVAL, ISO_NEW_WORK_ITEM, IEEE_SA, SIMPLE_MAJORITY
}
