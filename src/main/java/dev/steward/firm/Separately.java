package dev.steward.firm;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done in a transaction of its own, whatever transaction the caller is in: one item of a batch
 * whose trouble must not spoil the others, a record that must outlive the refusal that follows it,
 * a row another instance may race to make first.
 */
@Component
public class Separately {

	private final TransactionTemplate template;

	Separately(PlatformTransactionManager transactions) {
		this.template = new TransactionTemplate(transactions);
		this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs the work in a new transaction, committed when it returns, rolled back if it throws. */
	public <T> T call(Supplier<T> work) {
		return template.execute(status -> work.get());
	}

	/** {@link #call} for work that answers nothing. */
	public void run(Runnable work) {
		template.executeWithoutResult(status -> work.run());
	}

}
